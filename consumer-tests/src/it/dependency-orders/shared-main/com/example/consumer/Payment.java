package com.example.consumer;

/** A response body, read by Moshi. */
public final class Payment {
  public String id;
  public String amount;
}
