/**
 * Browser end-to-end tests: the real {@code peerjs} client from npm, in Debian's headless Chromium driven by
 * Selenium, against the real application ({@link dev.switchboard.e2e.browser.LocalSwitchboard}). The principal
 * types: {@link dev.switchboard.e2e.browser.PeerJsInTheBrowserTest} (the proof),
 * {@link dev.switchboard.e2e.browser.Browsers} (opens pages, attaches their consoles to failures),
 * {@link dev.switchboard.e2e.browser.BrowserPeer} (one peer in one page), and
 * {@link dev.switchboard.e2e.browser.HeadlessChromium} (the browser and its flags).
 */
package dev.switchboard.e2e.browser;
