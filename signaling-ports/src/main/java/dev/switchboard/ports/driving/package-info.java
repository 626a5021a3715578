/**
 * Driving ports: one interface per use case, named for its action ({@link dev.switchboard.ports.driving.PublishOffers},
 * {@link dev.switchboard.ports.driving.AnswerOffer}, ...), with its request and result records nested.
 * {@link dev.switchboard.ports.driving.SignalingUseCases} bundles them for a transport.
 */
package dev.switchboard.ports.driving;
