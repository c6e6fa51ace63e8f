using System.Security.Cryptography;
using System.Text;
using Containers.Provisioning.Store;

namespace Containers.Provisioning.Drivers.Local
{
    /// <summary>
    /// Where a Local host's dockerd keeps its things. Its configuration, log and data root live in the host's folder
    /// (<c>engine/</c>), so removing the host removes them. Its exec root, unix socket and pid file live in a run folder
    /// (<c>/run/containers-hosts/ID</c>), because unix socket paths, containerd's among them, must stay under about 100
    /// bytes and a host folder can be deep; and because a pid file in /run cannot outlive a reboot. ID is derived from
    /// the host folder's path, so two stores never share one.
    /// </summary>
    public sealed class LocalEngineLayout
    {
        public const string EngineFolderName = "engine";

        public LocalEngineLayout(HostStore store, string hostName)
        {
            HostFolder = store.HostDirectory(hostName);
            EngineFolder = Path.Combine(HostFolder, EngineFolderName);
            Id = ShortHash(Path.GetFullPath(HostFolder));
            RunFolder = Path.Combine(RunRoot(), Id);
        }

        /// <summary>12 hex digits naming this host's engine on this machine (its run folder, its containerd namespace).</summary>
        public string Id { get; }

        public string HostFolder { get; }

        public string EngineFolder { get; }

        public string ConfigFile => Path.Combine(EngineFolder, "daemon.json");

        public string LogFile => Path.Combine(EngineFolder, "dockerd.log");

        public string DataRoot => Path.Combine(EngineFolder, "data");

        public string RunFolder { get; }

        public string ExecRoot => Path.Combine(RunFolder, "exec");

        public string SocketPath => Path.Combine(RunFolder, "docker.sock");

        public string PidFile => Path.Combine(RunFolder, "docker.pid");

        public string AuthorityFile => Path.Combine(HostFolder, HostFiles.AuthorityCertificate);

        public string ServerCertificateFile => Path.Combine(HostFolder, HostFiles.ServerCertificate);

        public string ServerKeyFile => Path.Combine(HostFolder, HostFiles.ServerKey);

        private static string RunRoot() => Directory.Exists("/run") ? "/run/containers-hosts" : Path.Combine(Path.GetTempPath(), "containers-hosts");

        private static string ShortHash(string text)
        {
            using SHA256 sha = SHA256.Create();
            byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var hex = new StringBuilder();
            for (int i = 0; i < 6; i++)
            {
                hex.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return hex.ToString();
        }
    }
}
