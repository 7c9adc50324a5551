package io.tokenwise.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Boot application as a user has one; it scans this package for {@link PaymentsService}. */
@SpringBootApplication
class TestApplication {}
