package io.tokenwise.examples;

import io.tokenwise.AuthStyle;
import io.tokenwise.Provider;
import io.tokenwise.TokenEndpoint;
import java.util.List;
import retrofit2.Call;
import retrofit2.http.GET;
import retrofit2.http.Path;
import retrofit2.http.Query;

/**
 * Any OAuth2 API checked against its own OpenAPI document: {@code openapi/auth0-users.yaml} in
 * {@code src/main/resources}, which Maven copies to {@code target/classes} before compiling.
 * Dropping {@code read:roles} is a compile error on {@link #roles} naming {@code get_user_roles}.
 */
@TokenEndpoint(provider = Provider.CUSTOM,
    tokenUrl = "https://your-tenant.auth0.com/oauth/token",
    authStyle = AuthStyle.CLIENT_SECRET_POST,
    baseUrl = "https://your-tenant.auth0.com/api/v2/",
    openApi = "openapi/auth0-users.yaml",
    scopes = {"read:users", "read:roles"})
public interface Auth0Users {
  /** {@code get_users}: needs {@code read:users}. */
  @GET("users")
  Call<List<User>> users(@Query("q") String query);

  /** {@code get_user_roles}: needs {@code read:users} and {@code read:roles}. */
  @GET("users/{id}/roles")
  Call<List<Role>> roles(@Path("id") String userId);

  /** A user, with the fields the example reads. */
  record User(String user_id, String email) {}

  /** A role. */
  record Role(String id, String name) {}
}
