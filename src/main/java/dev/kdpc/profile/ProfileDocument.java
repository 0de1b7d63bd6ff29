package dev.kdpc.profile;

import dev.kdpc.profile.Units.Doc;

import java.util.List;

/** The YAML document as bound, before it becomes a {@link Profile}. */
record ProfileDocument(
    @Doc(value = "the profile format version; this kdpc reads version 1", example = "1") Integer kdpc,
    @Doc("the company as a whole (with its affiliates where a law counts them)") Company company,
    @Doc("the services the company offers in Korea, each with a unique id that findings refer to") List<Service> services,
    @Doc("cloud services offered to Korean public bodies (CSAP, N2SF)") Cloud cloud,
    @Doc("network set-up in Korea: contracts with internet service providers") Network network,
    @Doc("export of Korean map data (Spatial Data Act Art. 16)") LocationData locationData) {}
