package dev.vigil.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackgroundTest {

    @Test
    void theValueIsComputedOnAThreadOfItsOwn() throws InterruptedException {
        CountDownLatch callerWentOn = new CountDownLatch(1);
        Background<String> b = Background.start("vigil-test", () -> {
            try {
                callerWentOn.await();   // would never return if the work ran on the caller's thread
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Thread.currentThread().getName();
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
