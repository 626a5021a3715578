package dev.switchboard.app;

import dev.switchboard.ports.driving.ReencryptSecrets;

/** The JSON lines {@code rotate-keys} prints on stdout: one per batch, then a summary. Numbers only, no secrets. */
final class KeyRotationLines {

    private KeyRotationLines() {}

    static String batch(int number, ReencryptSecrets.Progress progress) {
        return "{\"batch\":" + number + ",\"resealed\":" + progress.resealed() + ",\"skipped\":" + progress.skipped()
                + ",\"failed\":" + progress.failed() + ",\"more\":" + progress.nextAfter().isPresent() + "}";
    }

    static String summary(KeyRotation.Outcome done) {
        return "{\"rotation\":\"" + (done.complete() ? "complete" : "incomplete") + "\",\"resealed\":"
                + done.resealed() + ",\"skipped\":" + done.skipped() + ",\"unopenable\":" + done.failed()
                + ",\"passes\":" + done.passes() + "}";
    }
}
