package dev.switchboard.adapter.http;

/** One route's behaviour: turns a {@link Call} into a {@link Reply}. Runs on a worker thread and may block. */
@FunctionalInterface
interface Endpoint {
    Reply handle(Call call);
}
