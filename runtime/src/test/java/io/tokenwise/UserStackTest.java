package io.tokenwise;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.CallAdapter;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;
import retrofit2.http.Body;
import retrofit2.http.GET;
import retrofit2.http.POST;
import retrofit2.http.Path;

/**
 * The user's stack, not Tokenwise's: their converters (Jackson here, with money as BigDecimal) and
 * call adapters, on a loopback API. Moshi stays the default for what no added converter takes;
 * token requests keep their own parsing whatever converter the API uses.
 */
final class UserStackTest {
  /** More digits than a double holds: any detour through double shows. */
  private static final String MONEY = "12345678901234567890.12345678";

  @TokenEndpoint(provider = Provider.PAYSWAY)
  interface Wallet {
    @GET("balances/{id}")
    Call<Balance> balance(@Path("id") String id);

    @POST("transfers")
    Call<Balance> transfer(@Body Balance amount);

    @GET("balances/{id}")
    Optional<Balance> balanceNow(@Path("id") String id);
  }

  /** Read and written by Jackson. */
  public static final class Balance {
    public String currency;
    public BigDecimal amount;
  }

  @TokenEndpoint(provider = Provider.PAYSWAY)
  interface Prices {
    /** A bare decimal body, read by the user's converter. */
    @GET("prices/{id}")
    Call<BigDecimal> price(@Path("id") String id);

    /** A JSON object: no added converter takes it, so Moshi reads it. */
    @GET("balances/{id}")
    Call<MoshiBalance> balance(@Path("id") String id);
  }

  /** Read by Moshi. */
  static final class MoshiBalance {
    String currency;
  }

  private final MockWebServer server = new MockWebServer();
  private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<String> apiRequests = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/token")) {
          tokenRequests.add(request);
          return json("{\"access_token\":\"tok-1\",\"token_type\":\"bearer\",\"expires_in\":3600}");
        }
        String body = request.getBody() == null ? "" : request.getBody().utf8();
        apiRequests.add(request.getMethod() + " " + path + " "
            + request.getHeaders().get("Authorization") + " " + body);
        if (path.equals("/api/transfers")) {
          return json(body); // echoes the amount it was sent
        }
        if (path.startsWith("/api/prices/")) {
          return new MockResponse.Builder().body(MONEY).build();
        }
        return json("{\"currency\":\"USD\",\"amount\":" + MONEY + "}");
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void jacksonConvertedMoneyRoundTripsExactly() throws IOException {
    Wallet wallet = builder(Wallet.class)
        .addConverterFactory(JacksonConverterFactory.create(new ObjectMapper()))
        .build();

    Balance balance = wallet.balance("w-1").execute().body();
    assertEquals(MONEY, balance.amount.toPlainString());
    Balance echoed = wallet.transfer(balance).execute().body();

    assertEquals(MONEY, echoed.amount.toPlainString());
    assertEquals(List.of("GET /api/balances/w-1 Bearer tok-1 ",
        "POST /api/transfers Bearer tok-1 {\"currency\":\"USD\",\"amount\":" + MONEY + "}"),
        apiRequests);
    // The token response went through Tokenwise's reader, not Jackson: one form request.
    assertEquals(1, tokenRequests.size());
    assertEquals("grant_type=client_credentials&client_id=client-1&client_secret=secret-1",
        tokenRequests.get(0).getBody().utf8());
  }

  @Test
  void aUsersCallAdapterAdaptsTheReturnType() {
    Wallet wallet = builder(Wallet.class)
        .addConverterFactory(JacksonConverterFactory.create(new ObjectMapper()))
        .addCallAdapterFactory(new OptionalCallAdapterFactory())
        .build();

    assertEquals(MONEY, wallet.balanceNow("w-2").orElseThrow().amount.toPlainString());
    assertEquals(List.of("GET /api/balances/w-2 Bearer tok-1 "), apiRequests);
  }

  @Test
  void moshiReadsWhatNoAddedConverterTakes() throws IOException {
    Prices prices = builder(Prices.class)
        .addConverterFactory(new DecimalBodyConverterFactory())
        .build();

    assertEquals(new BigDecimal(MONEY), prices.price("p-1").execute().body());
    assertEquals("USD", prices.balance("w-1").execute().body().currency);
  }

  /** A client of the loopback server, with a cache of its own. */
  private <T> HandBuilder<T> builder(Class<T> api) {
    return new HandBuilder<>(api)
        .credentials(ClientCredentials.of("client-1", "secret-1"))
        .tokenUrl(server.url("/token").toString())
        .baseUrl(server.url("/api/").toString())
        .tokenCache(TokenCache.create());
  }

  /** Reads a bare decimal body; takes no other type. */
  private static final class DecimalBodyConverterFactory extends Converter.Factory {
    @Override
    public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations,
        Retrofit retrofit) {
      return type == BigDecimal.class ? body -> new BigDecimal(body.string()) : null;
    }
  }

  /** {@code Optional<T>}: the call made at once, its body or empty. */
  private static final class OptionalCallAdapterFactory extends CallAdapter.Factory {
    @Override
    public CallAdapter<?, ?> get(Type returnType, Annotation[] annotations, Retrofit retrofit) {
      if (getRawType(returnType) != Optional.class) {
        return null;
      }
      Type body = getParameterUpperBound(0, (ParameterizedType) returnType);
      return new CallAdapter<Object, Optional<?>>() {
        @Override
        public Type responseType() {
          return body;
        }

        @Override
        public Optional<?> adapt(Call<Object> call) {
          try {
            return Optional.ofNullable(call.execute().body());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };
    }
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(body)
        .build();
  }
}
