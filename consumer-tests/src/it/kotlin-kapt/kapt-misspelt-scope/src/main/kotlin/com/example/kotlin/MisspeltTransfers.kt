package com.example.kotlin

import io.tokenwise.Provider
import io.tokenwise.TokenEndpoint
import okhttp3.ResponseBody
import retrofit2.Call
import retrofit2.http.GET

/** "transfr": verify.groovy expects [Tokenwise/UnknownScope] on line 10, the annotation. */
@TokenEndpoint(provider = Provider.PAXOS, scopes = ["transfer:read_transfr"])
interface MisspeltTransfers {
    @GET("transfer/transfers")
    fun transfers(): Call<ResponseBody>
}
