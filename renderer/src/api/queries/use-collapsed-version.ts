// At most one read of a scope in flight: while one is, newer versions wait and collapse into one.
// A live capture bumps the version ~30 times a second; a read of ten million rows may take
// longer, and answers for versions nobody will see are work the engine should not do.
import { useEffect, useState } from 'react';

export function useCollapsedVersion(scope: string, version: string, fetching: boolean): string {
  const [asked, setAsked] = useState({ scope, version });
  const sameScope = asked.scope === scope;
  useEffect(() => {
    if (!sameScope || (!fetching && asked.version !== version)) setAsked({ scope, version });
  }, [sameScope, fetching, asked.version, scope, version]);
  // A new scope is read at once, at its own version (a version names one scope's state only).
  return sameScope ? asked.version : version;
}
