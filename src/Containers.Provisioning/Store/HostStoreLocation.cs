using Containers.Engine.Configuration;

namespace Containers.Provisioning.Store
{
    /// <summary>
    /// Where the host store lives unless the caller says: CONTAINERS_HOST_STORE when set; else the user's local
    /// (not roaming) application data on Windows, because keys should not roam; else $XDG_DATA_HOME, or
    /// ~/.local/share, on Linux and macOS. Not ~/.local/share/containers, which belongs to podman.
    /// </summary>
    public static class HostStoreLocation
    {
        public const string Variable = "CONTAINERS_HOST_STORE";

        public static string Default(IEngineEnvironment environment)
        {
            string? configured = environment.GetVariable(Variable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured!.Trim());
            }

            if (Environment.OSVersion.Platform == PlatformID.Win32NT)
            {
                string? local = environment.GetVariable("LOCALAPPDATA");
                if (string.IsNullOrEmpty(local))
                {
                    local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                }

                if (!string.IsNullOrEmpty(local))
                {
                    return Path.Combine(local, "Containers", "Hosts");
                }
            }

            string? dataHome = environment.GetVariable("XDG_DATA_HOME");
            // The XDG specification says a relative value is invalid and to be ignored.
            if (string.IsNullOrEmpty(dataHome) || !Path.IsPathRooted(dataHome))
            {
                dataHome = Path.Combine(environment.HomeDirectory, ".local", "share");
            }

            return Path.Combine(dataHome!, "containers-hosts");
        }
    }
}
