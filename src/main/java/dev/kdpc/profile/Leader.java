package dev.kdpc.profile;

import dev.kdpc.profile.Units.Count;
import dev.kdpc.profile.Units.Share;

/** One leading firm of a relevant market. {@code self} marks the company of the profile. */
public record Leader(String name, @Share Double share, @Count Long monthlyUsersKr, Boolean self) {}
