/**
 * Immutable values that cross the ports: {@link dev.switchboard.ports.model.Offer} and its
 * {@link dev.switchboard.ports.model.Answer}, {@link dev.switchboard.ports.model.Candidate},
 * {@link dev.switchboard.ports.model.OfferEvent}, {@link dev.switchboard.ports.model.Identity} and
 * {@link dev.switchboard.ports.model.SignedRequest}. Values validate themselves and say what they mean;
 * who may do what is the domain's business.
 */
package dev.switchboard.ports.model;
