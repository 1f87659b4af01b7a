package io.bfx.model;

import java.util.List;

/** How ADF and the notebooks authenticate to a connection. Secrets are referenced, never written. */
public enum Authentication implements Choice {
    SQL("SqlAuthentication", List.of("SQL"), "SQL login; the password comes from the Key Vault secret."),
    MANAGED_IDENTITY("ManagedIdentity", List.of("MSI"), "The data factory's managed identity."),
    SERVICE_PRINCIPAL("ServicePrincipal", List.of("SPN"), "A service principal; its secret comes from Key Vault."),
    ACCOUNT_KEY("AccountKey", List.of(), "Storage account key from the Key Vault secret."),
    SAS_URI("SasUri", List.of("SAS"), "Shared access signature URI from the Key Vault secret."),
    ACCESS_TOKEN("AccessToken", List.of("PAT"), "Databricks personal access token from the Key Vault secret.");

    private final String label;
    private final List<String> aliases;
    private final String description;

    Authentication(String label, List<String> aliases, String description) {
        this.label = label;
        this.aliases = aliases;
        this.description = description;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    @Override
    public String description() {
        return description;
    }

    /** Whether this authentication needs a secret, which must then be referenced by {@code keyVaultSecret}. */
    public boolean needsSecret() {
        return this != MANAGED_IDENTITY;
    }
}
