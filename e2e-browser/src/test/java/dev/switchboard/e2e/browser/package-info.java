/**
 * Browser end-to-end tests: real clients in Debian's headless Chromium driven by Selenium, against the real
 * application ({@link dev.switchboard.e2e.browser.LocalSwitchboard}). The proofs:
 * {@link dev.switchboard.e2e.browser.PeerJsInTheBrowserTest} (the {@code peerjs} client from npm through the PeerJS
 * endpoint) and {@link dev.switchboard.e2e.browser.DemoPageInTheBrowserTest} (Switchboard's own demo page, on the
 * in-memory store and across two instances on one {@link dev.switchboard.e2e.browser.SharedPostgres}). The helpers:
 * {@link dev.switchboard.e2e.browser.Browsers} (opens pages, attaches their consoles to failures),
 * {@link dev.switchboard.e2e.browser.BrowserPeer} (one peer in one page),
 * {@link dev.switchboard.e2e.browser.DemoPage} (one person on the demo page),
 * {@link dev.switchboard.e2e.browser.SideBySide} (screenshots for the docs) and
 * {@link dev.switchboard.e2e.browser.HeadlessChromium} (the browser and its flags).
 */
package dev.switchboard.e2e.browser;
