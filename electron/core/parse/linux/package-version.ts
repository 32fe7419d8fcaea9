/**
 * The version a person recognises from a package version: '1.4.6' from dpkg's
 * '1.4.6+dfsg-0+deb12u1', '12.4.0' from rpm's '12.4.0-1225'. Debian versions are
 * [epoch:]upstream[-revision], the revision after the last '-' (deb-version(7)); rpm's
 * VERSION-RELEASE has the same shape. '+dfsg…' marks an upstream tarball repacked for Debian's
 * free-software rules and '~…' a backport or pre-release suffix: both are cut too. The packaged
 * version stays in the evidence.
 */
export function upstreamVersion(packaged: string): string {
  let version = packaged.trim().replace(/^\d+:/, '');
  const revision = version.lastIndexOf('-');
  if (revision > 0) version = version.slice(0, revision);
  const tilde = version.indexOf('~');
  if (tilde > 0) version = version.slice(0, tilde);
  const dfsg = version.search(/\+dfsg/i);
  if (dfsg > 0) version = version.slice(0, dfsg);
  return version === '' ? packaged.trim() : version;
}
