package dev.kdpc.profile;

import dev.kdpc.profile.Units.Count;
import dev.kdpc.profile.Units.Share;

/**
 * How the service pays its business users.
 *
 * @param daysAfterConfirmation days from purchase confirmation to payment
 * @param proceedsHeldSeparately share of the proceeds held apart (deposit or payment guarantee)
 */
public record Settlement(@Count Long daysAfterConfirmation, @Share Double proceedsHeldSeparately) {}
