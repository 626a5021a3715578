/**
 * The composition root. {@link dev.switchboard.app.Main} runs the server from the environment;
 * {@link dev.switchboard.app.SwitchboardConfig} reads and checks the configuration;
 * {@link dev.switchboard.app.Switchboard} wires the modules with Guice and starts and stops them in order.
 * Guice lives only here: the modules bind, and nothing in them opens a socket or starts a thread.
 */
package dev.switchboard.app;
