package com.example.kotlin

import io.tokenwise.ClientCredentials
import io.tokenwise.consumer.LoopbackProvider
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test

class PaxosTransfersTest {
    @Test
    fun callsFromACoroutineAndThroughCallShareOneToken() {
        LoopbackProvider.start().use { provider ->
            val paxos = PaxosTransfersClient.builder()
                .credentials(ClientCredentials.of("client-9", "secret-9"))
                .tokenUrl(provider.url("token"))
                .baseUrl(provider.url("api/"))
                .build()

            val profile = runBlocking { paxos.profile("p-7").string() }
            val page = paxos.transfers(10).execute().body()!!.string()

            assertEquals("""{"id":"p-7","amount":"12.50"}""", profile)
            assertEquals("""{"id":"transfers","amount":"12.50"}""", page)
            assertEquals(1, provider.tokenRequests())
            val form = provider.tokenForms()[0]
            assertTrue(form.contains("client_id=client-9"), form)
            assertTrue(form.contains("scope=transfer%3Aread_transfer"), form)
            assertEquals(listOf("Bearer tok-1", "Bearer tok-1"), provider.apiAuthorizations())
        }
    }
}
