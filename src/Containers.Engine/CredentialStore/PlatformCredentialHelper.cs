using System.Runtime.InteropServices;
using Containers.Engine.Configuration;
using Containers.Engine.Files;

namespace Containers.Engine.CredentialStore
{
    /// <summary>
    /// The helper the docker CLI uses when config.json configures no credentials at all (its DetectDefaultStore):
    /// wincred on Windows, osxkeychain on macOS, pass on Linux when <c>pass</c> is installed and secretservice otherwise,
    /// but only when that helper's program is on the PATH. Matching it keeps the first login of either tool in the same
    /// place the other will look.
    /// </summary>
    internal static class PlatformCredentialHelper
    {
        public static string? Detect(IEngineEnvironment environment)
        {
            string? name = UnixFileModes.IsWindows ? "wincred"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osxkeychain"
                : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? (ProgramSearch.Find("pass", environment) != null ? "pass" : "secretservice")
                : null;
            return name != null && ProgramSearch.Find(CredentialHelper.ProgramPrefix + name, environment) != null ? name : null;
        }
    }
}
