/**
 * The offer, answer and ICE use cases: {@link dev.switchboard.domain.offers.OfferUseCases} builds them for
 * {@link dev.switchboard.domain.SignalingCore}. Behind it, one package-private service per driving port
 * ({@code PublishOffersService}, {@code AnswerOfferService}, {@code AddIceCandidatesService},
 * {@code ExecuteBatchService}, ...) holds the rules: who may act on an offer, how long it lives, and how
 * each store outcome maps to an error code. Races are decided by the store, never here.
 */
package dev.switchboard.domain.offers;
