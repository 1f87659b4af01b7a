package io.bfx.model.vault;

import java.util.List;

/** The Data Vault derived for one project. */
public record Vault(List<Hub> hubs, List<Link> links, List<Satellite> satellites, List<SkippedReference> skipped) {

    public Vault {
        hubs = List.copyOf(hubs);
        links = List.copyOf(links);
        satellites = List.copyOf(satellites);
        skipped = List.copyOf(skipped);
    }

    /** Every table name of the vault, for collision checks. */
    public List<String> tableNames() {
        var out = new java.util.ArrayList<String>();
        hubs.forEach(h -> out.add(h.name()));
        links.forEach(l -> out.add(l.name()));
        satellites.forEach(s -> out.add(s.name()));
        return out;
    }
}
