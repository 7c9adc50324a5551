package com.example.kotlin

import io.tokenwise.Provider
import io.tokenwise.TokenEndpoint
import okhttp3.ResponseBody
import retrofit2.Call
import retrofit2.http.GET
import retrofit2.http.Path
import retrofit2.http.Query

/** A Kotlin user's Paxos API: kapt hands the processor a Java stub of it. */
@TokenEndpoint(provider = Provider.PAXOS, scopes = ["transfer:read_transfer", "funding:read_profile"])
interface PaxosTransfers {
    @GET("transfer/transfers")
    fun transfers(@Query("limit") limit: Int): Call<ResponseBody>

    /** In the stub: Object profile(String, Continuation<? super ResponseBody>). */
    @GET("profiles/{profile_id}")
    suspend fun profile(@Path("profile_id") profileId: String): ResponseBody
}
