package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;
import dev.kdpc.profile.Units.Count;

/**
 * How an app market protects its users (Telecommunications Business Act Art. 22-9(1); Enforcement Decree
 * Art. 30-9).
 *
 * @param termsStatePaymentRefund the terms of use state how users can see, before they buy, who provides
 *     the mobile content and the terms of its contract, and how complaints about payment and refunds are
 *     handled (decree Art. 30-9(1))
 * @param changeNoticeDays the days of notice given, on the app market's entry screen, before those terms
 *     change to users' disadvantage (decree Art. 30-9(2): at least 30)
 * @param complaintsForwarded payment and refund complaints are passed to the content provider and the
 *     user is told the outcome (decree Art. 30-9(3))
 * @param providesPaymentMethod the app market offers content providers a payment method (decree
 *     Art. 30-9(4) applies only then)
 * @param paymentTermsShownBeforePayment price, period, recurring billing and refund policy are shown
 *     clearly before payment (decree Art. 30-9(4) item 1)
 * @param cancellationAsEasyAsSignup cancelling is no harder than signing up, and users are told how
 *     (decree Art. 30-9(4) item 2)
 */
public record AppMarket(
    @Doc(value = "the terms of use state how users can see, before they buy, who provides the mobile content and the terms of its contract, and how complaints about payment and refunds are handled (decree Art. 30-9(1))", example = "true") Boolean termsStatePaymentRefund,
    @Doc(value = "the days of notice given, on the app market's entry screen, before those terms change to users' disadvantage (decree Art. 30-9(2): at least 30)", example = "30") @Count Long changeNoticeDays,
    @Doc(value = "payment and refund complaints are passed to the content provider and the user is told the outcome (decree Art. 30-9(3))", example = "true") Boolean complaintsForwarded,
    @Doc(value = "the app market offers content providers a payment method (decree Art. 30-9(4) applies only then)", example = "true") Boolean providesPaymentMethod,
    @Doc(value = "price, period, recurring billing and refund policy are shown clearly before payment (decree Art. 30-9(4) item 1)", example = "true") Boolean paymentTermsShownBeforePayment,
    @Doc(value = "cancelling is no harder than signing up, and users are told how (decree Art. 30-9(4) item 2)", example = "true") Boolean cancellationAsEasyAsSignup) {}
