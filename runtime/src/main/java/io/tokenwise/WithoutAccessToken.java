package io.tokenwise;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends a service method's requests without Tokenwise's access token, and fetches none for them.
 *
 * <p>For an endpoint that takes an {@code Authorization} header of its own (written with
 * {@code @Header("Authorization")} or {@code @Headers}), which Tokenwise then leaves exactly as
 * given, or for one that needs no token, such as a public endpoint on another origin. Without this
 * annotation the processor rejects a method that sets {@code Authorization} itself, because
 * Tokenwise would replace the header with its bearer token.
 *
 * <pre>{@code
 * @WithoutAccessToken
 * @GET("session")
 * Call<Session> session(@Header("Authorization") String signedHeader);
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WithoutAccessToken {}
