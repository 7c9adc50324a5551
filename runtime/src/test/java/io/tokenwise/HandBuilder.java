package io.tokenwise;

/** What a generated builder looks like, for tests that build clients without the processor. */
final class HandBuilder<T> extends ClientBuilder<T, HandBuilder<T>> {
  HandBuilder(Class<T> api) {
    super(api);
  }

  @Override
  protected HandBuilder<T> self() {
    return this;
  }
}
