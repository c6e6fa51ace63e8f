using Containers.Engine.Files;

namespace Containers.Engine.Ssh
{
    /// <summary>
    /// The known_hosts file of one ssh run, holding only the pinned key (nothing on first contact), in a folder of its own
    /// that only the user may open, removed with the folder when the run is over.
    /// </summary>
    internal sealed class SshKnownHostsFile : IDisposable
    {
        private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "containers-ssh-" + Guid.NewGuid().ToString("N"));

        public SshKnownHostsFile(SshHostKey? pinned)
        {
            Directory.CreateDirectory(_folder);
            UnixFileModes.MakeOwnerOnlyDirectory(_folder);
            Path = System.IO.Path.Combine(_folder, "known_hosts");
            SshKnownHosts.Write(Path, pinned);
        }

        public string Path { get; }

        /// <summary>The key ssh accepted into the file on first contact; null when it accepted none.</summary>
        public SshHostKey? Read() => SshKnownHosts.Read(Path);

        public void Dispose()
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Only a known_hosts file with a public key: nothing secret is left behind.
            }
        }
    }
}
