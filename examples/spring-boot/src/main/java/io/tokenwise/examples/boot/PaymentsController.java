package io.tokenwise.examples.boot;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import retrofit2.Response;

/** The application's own API, calling Paxos and Mangopay through the injected clients. */
@RestController
class PaymentsController {
  private final TreasuryTransfers transfers;
  private final WalletUsers users;

  PaymentsController(TreasuryTransfers transfers, WalletUsers users) {
    this.transfers = transfers;
    this.users = users;
  }

  /** The latest Paxos transfers, and the Mangopay user who owns the wallet. */
  @GetMapping("/summary/{userId}")
  Map<String, Object> summary(@PathVariable("userId") String userId) throws IOException {
    Response<TreasuryTransfers.Page> page = transfers.transfers(5).execute();
    Response<WalletUsers.User> user = users.user(userId).execute();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("transfers", page.isSuccessful() ? page.body().items().size() : page.code());
    summary.put("user", user.isSuccessful() ? user.body().email() : user.code());
    return summary;
  }
}
