package io.tokenwise.spring;

import io.tokenwise.examples.MangopayUsers;
import io.tokenwise.examples.PaxosTransfers;
import java.io.IOException;
import org.springframework.stereotype.Service;
import retrofit2.Response;

/** A user's service: two generated clients injected by constructor, as any other beans. */
@Service
class PaymentsService {
  private final PaxosTransfers paxos;
  private final MangopayUsers mangopay;

  PaymentsService(PaxosTransfers paxos, MangopayUsers mangopay) {
    this.paxos = paxos;
    this.mangopay = mangopay;
  }

  int latestTransfers(int limit) throws IOException {
    Response<PaxosTransfers.TransferPage> page = paxos.transfers(limit).execute();
    if (!page.isSuccessful()) {
      throw new IOException("Paxos answered " + page.code());
    }
    return page.body().items().size();
  }

  String userEmail(String id) throws IOException {
    Response<MangopayUsers.User> user = mangopay.user(id).execute();
    if (!user.isSuccessful()) {
      throw new IOException("Mangopay answered " + user.code());
    }
    return user.body().email();
  }
}
