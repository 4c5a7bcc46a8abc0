package dev.vigil.formats.transform;

/** Domain and user name joined as Sysmon writes {@code User}: DOMAIN, backslash, user; or just the user. */
final class DomainUser implements Transform {
    @Override
    public String apply(String[] sources) {
        String domain = sources[0];
        String user = sources.length > 1 ? sources[1] : null;
        if (user == null || user.isEmpty()) {
            return null;
        }
        return domain == null || domain.isEmpty() || domain.equals("-") ? user : domain + '\\' + user;
    }
}
