// kotlin-kapt: kapt-client compiled (kapt ran the processor on the Kotlin interface) and its test
// called from a coroutine; kapt-misspelt-scope failed with the processor's error on its Kotlin line.
def log = new File(basedir, 'build.log').text

def unsupported = log =~ /\[Tokenwise\/UnsupportedReturnType\] profile\(\) returns java\.lang\.Object/
assert !unsupported.find() : 'the processor rejected the suspend function (kapt stub: Object profile(String, Continuation<? super ResponseBody>))'
assert log =~ /kapt-client \.+ SUCCESS/ : 'kapt-client did not build'
assert log =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [0-9.]+ s -- in com\.example\.kotlin\.PaxosTransfersTest/
assert log =~ /kapt-misspelt-scope \.+ FAILURE/
assert log =~ /kapt-misspelt-scope\/src\/main\/kotlin\/com\/example\/kotlin\/MisspeltTransfers\.kt:10: error: \[Tokenwise\/UnknownScope\] "transfer:read_transfr" is not a Paxos v2 scope[^\n]*Did you mean "transfer:read_transfer"\?/
true
