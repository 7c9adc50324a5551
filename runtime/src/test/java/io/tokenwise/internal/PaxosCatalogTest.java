package io.tokenwise.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class PaxosCatalogTest {
  private final PaxosCatalog catalog = PaxosCatalog.get();

  @Test
  void has66ScopesAnd125Operations() {
    assertEquals(66, catalog.scopes().size());
    assertEquals(125, catalog.operations().size());
    // Declared in securitySchemes but used by no operation: still valid scopes.
    assertTrue(catalog.scopes().containsAll(
        Set.of("funding:read_bank_balance", "tax:read_tax_lot", "tax:write_tax_lot")));
  }

  @Test
  void everyScopeAnOperationNeedsIsInTheScopeList() {
    for (PaxosOperation operation : catalog.operations()) {
      for (Set<String> alternative : operation.alternatives()) {
        assertTrue(catalog.scopes().containsAll(alternative), operation + " " + alternative);
      }
    }
  }

  @Test
  void threeOperationsHaveTwoAlternatives() {
    List<String> withAlternatives = catalog.operations().stream()
        .filter(operation -> operation.alternatives().size() > 1)
        .map(operation -> operation + " " + operation.alternatives())
        .collect(Collectors.toList());

    assertEquals(List.of(
        "POST /rewards/payout-groups [[rewards:create_payout_groups], [rewards:write_payout_groups]]",
        "DELETE /rewards/payout-groups/{id} [[rewards:delete_payout_groups], [rewards:write_payout_groups]]",
        "PUT /rewards/payout-groups/{id} [[rewards:update_payout_groups], [rewards:write_payout_groups]]"),
        withAlternatives);
    PaxosOperation create = catalog.find("POST", "rewards/payout-groups").orElseThrow();
    assertTrue(create.coveredBy(Set.of("rewards:write_payout_groups")));
    assertTrue(create.coveredBy(Set.of("rewards:create_payout_groups")));
    assertFalse(create.coveredBy(Set.of("rewards:read_payout_groups")));
    assertEquals("rewards:create_payout_groups | rewards:write_payout_groups", create.requirement());
  }

  @Test
  void fiveOperationsArePublic() {
    List<String> publicOperations = catalog.operations().stream()
        .filter(PaxosOperation::isPublic)
        .map(PaxosOperation::toString)
        .collect(Collectors.toList());

    assertEquals(List.of("GET /all-markets/prices", "GET /markets",
        "GET /markets/{market}/order-book", "GET /markets/{market}/recent-executions",
        "GET /markets/{market}/ticker"), publicOperations);
    PaxosOperation ticker = catalog.find("GET", "markets/{id}/ticker").orElseThrow();
    assertTrue(ticker.coveredBy(Set.of()));
    assertEquals("(public)", ticker.requirement());
  }

  @Test
  void noneMeansAnyTokenWillDo() {
    PaxosOperation vasps = catalog.find("GET", "travelrule/vasps/{vasp}").orElseThrow();
    assertEquals("GetVasp", vasps.operationId());
    assertFalse(vasps.isPublic());
    assertEquals(List.of(Set.of()), vasps.alternatives());
    assertTrue(vasps.coveredBy(Set.of()));
    assertTrue(vasps.coveredBy(Set.of("transfer:read_transfer")));
    assertEquals("(none)", vasps.requirement());
    assertEquals(2, catalog.operations().stream()
        .filter(operation -> operation.requirement().equals("(none)")).count());
  }

  @Test
  void requirementsRoundTripTheBundledTable() throws IOException {
    try (BufferedReader table = new BufferedReader(new InputStreamReader(
        PaxosCatalog.class.getResourceAsStream("paxos-operations.tsv"), StandardCharsets.UTF_8))) {
      List<String[]> rows = table.lines().skip(1).filter(line -> !line.isBlank())
          .map(line -> line.split("\t", -1)).collect(Collectors.toList());
      assertEquals(125, rows.size());
      for (int i = 0; i < rows.size(); i++) {
        String[] row = rows.get(i);
        PaxosOperation operation = catalog.operations().get(i);
        assertEquals(List.of(row[0], row[1], row[2], row[3]), List.of(operation.method(),
            operation.path(), operation.requirement(), operation.operationId()));
      }
    }
  }

  @Test
  void findMatchesAnyPlaceholderNameAndIgnoresLeadingSlashAndQuery() {
    PaxosOperation getProfile = catalog.find("GET", "profiles/{id}").orElseThrow();
    assertEquals("/profiles/{profile_id}", getProfile.path());
    assertEquals("GetProfile", getProfile.operationId());
    assertEquals(List.of(Set.of("funding:read_profile")), getProfile.alternatives());

    assertSame(getProfile, catalog.find("get", "/profiles/{profileId}").orElseThrow());
    assertSame(getProfile, catalog.find("GET", "profiles/{p}?expand=balances").orElseThrow());
    assertEquals("ListTransfers",
        catalog.find("GET", "/transfer/transfers?limit=10").orElseThrow().operationId());
    assertEquals("GetProfileBalance",
        catalog.find("GET", "profiles/{a}/balances/{b}").orElseThrow().operationId());
    assertEquals("UpdateProfile", catalog.find("PUT", "profiles/{x}").orElseThrow().operationId());

    assertEquals(Optional.empty(), catalog.find("DELETE", "profiles/{id}"));
    assertEquals(Optional.empty(), catalog.find("GET", "profiles/me"));
    assertEquals(Optional.empty(), catalog.find("GET", "v2/profiles"));
  }

  @Test
  void everyOperationIsFoundByItsOwnMethodAndPath() {
    for (PaxosOperation operation : catalog.operations()) {
      assertSame(operation, catalog.find(operation.method(), operation.path()).orElseThrow(),
          operation::toString);
    }
  }

  @Test
  void normalizePathBlanksPlaceholdersAndDropsSlashesAndQuery() {
    assertEquals("profiles/{}/balances/{}",
        PaxosCatalog.normalizePath("//profiles/{profile_id}/balances/{asset}?x=1"));
    assertEquals("transfer/transfers", PaxosCatalog.normalizePath("transfer/transfers"));
  }

  @Test
  void parseRequirementReadsTheGrammar() {
    assertEquals(List.of(), PaxosCatalog.parseRequirement("(public)"));
    assertEquals(List.of(Set.of("a"), Set.of("b", "c")), PaxosCatalog.parseRequirement("a | b+c"));
  }
}
