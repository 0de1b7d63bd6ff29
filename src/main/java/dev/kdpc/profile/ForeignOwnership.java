package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;
import dev.kdpc.profile.Units.Share;
import java.util.List;

/**
 * Who outside Korea holds the company's shares, as the Telecommunications Business Act counts them
 * (Art. 8(1)): voting shares, depositary receipts and equity interests included, non-voting shares left out.
 *
 * @param share the share held by foreign governments, foreigners and foreign-deemed corporations together
 *     (a corporation whose largest shareholder, holding at least 15%, is a foreign government or foreigner:
 *     Art. 8(3)), before any exception
 * @param owners the foreign holders, largest first (the reader refuses another order)
 */
public record ForeignOwnership(@Doc(value = "the share held by foreign governments, foreigners and foreign-deemed corporations together (a corporation whose largest shareholder, holding at least 15%, is a foreign government or foreigner: Art. 8(3)), before any exception", example = "\"52%\"") @Share Double share, @Doc("the foreign holders, largest first (the reader refuses another order)") List<Owner> owners) {}
