package dev.vigil.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundTest {

    @Test
    void theValueIsComputedOnAThreadOfItsOwn() throws InterruptedException {
        CountDownLatch callerWentOn = new CountDownLatch(1);
        Background<String> b = Background.start("vigil-test", () -> {
            try {
                // On the caller's thread this would time out before the caller could count down.
                return callerWentOn.await(10, TimeUnit.SECONDS) ? Thread.currentThread().getName() : "caller's";
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        callerWentOn.countDown();
        assertThat(b.join()).isEqualTo("vigil-test");
    }

    @Test
    void aFailureIsThrownAsItWasThrown() {
        UncheckedIOException failure = new UncheckedIOException(new IOException("disk gone"));
        Background<String> b = Background.start("vigil-test", () -> {
            throw failure;
        });
        assertThatThrownBy(b::join).isSameAs(failure);
    }
}
