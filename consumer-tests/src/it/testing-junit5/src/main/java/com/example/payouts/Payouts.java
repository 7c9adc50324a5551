package com.example.payouts;

import java.io.IOException;
import retrofit2.Response;

/** The user's own code under test: counts recent transfers, and says so when Paxos is down. */
public final class Payouts {
  private final PaxosTransfers paxos;

  public Payouts(PaxosTransfers paxos) {
    this.paxos = paxos;
  }

  /** How many of the last {@code limit} transfers there are, or -1 when Paxos cannot be asked. */
  public int recentTransfers(int limit) {
    try {
      Response<PaxosTransfers.TransferPage> page = paxos.transfers(limit).execute();
      return page.isSuccessful() ? page.body().items().size() : -1;
    } catch (IOException e) {
      return -1;
    }
  }
}
