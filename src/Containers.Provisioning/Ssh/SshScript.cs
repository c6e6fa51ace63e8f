namespace Containers.Provisioning.Ssh
{
    /// <summary>
    /// A POSIX shell script run on the remote host in one connection, fed to <c>sh -s</c> on standard input. It may call
    /// <c>step NAME</c> before each part, so a failure is reported with the step it happened in and a driver can show
    /// progress per step.
    /// </summary>
    public sealed class SshScript
    {
        public SshScript(string name, string text, bool asRoot = true)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A script needs a name for its messages.", nameof(name));
            }

            Name = name;
            Text = text ?? throw new ArgumentNullException(nameof(text));
            AsRoot = asRoot;
        }

        /// <summary>What the script does, in words ("provision the engine"), for messages.</summary>
        public string Name { get; }

        public string Text { get; }

        /// <summary>Whether it must run as root: a user other than root runs it through <c>sudo -n</c>, which must not ask for a password.</summary>
        public bool AsRoot { get; }
    }
}
