using System.Text;

namespace Containers.Provisioning.Ssh
{
    /// <summary>
    /// The one script that provisions a Linux host's engine, in steps: detect the distribution, install the engine if
    /// dockerd is missing, write the TLS files and daemon.json, then (re)start the engine (systemd, or a detached
    /// dockerd) and wait for it. Running it again replaces the files and restarts the engine, which is how a host gets
    /// new certificates.
    /// </summary>
    public static class EngineProvisioningScript
    {
        public const string Name = "provision the engine";

        /// <exception cref="ArgumentException">The provisioning lacks its TLS files or has bad daemon settings.</exception>
        public static SshScript Build(EngineProvisioning provisioning)
        {
            if (string.IsNullOrWhiteSpace(provisioning.AuthorityPem) || string.IsNullOrWhiteSpace(provisioning.ServerCertificatePem) || string.IsNullOrWhiteSpace(provisioning.ServerKeyPem))
            {
                throw new ArgumentException("Provisioning an engine needs the authority certificate and the server's certificate and key.", nameof(provisioning));
            }

            string daemonJson = DaemonConfiguration.Build(provisioning);
            string folder = provisioning.ConfigDirectory.TrimEnd('/');
            var script = new StringBuilder();
            script.Append(EngineScriptVariables.Write(provisioning));

            // Installed before any file is written: a package that starts the engine at once would otherwise start it
            // with a daemon.json whose "hosts" the packaged service's -H flag conflicts with, and fail the install.
            script.Append(RemoteScriptLibrary.Read(RemoteScriptLibrary.InstallEngine)).Append('\n');

            script.Append("step write-tls-files\n");
            script.Append(RemoteScriptLibrary.Read(RemoteScriptLibrary.KeepOriginals));
            script.Append(new RemoteFile(folder + "/" + RemoteEngineFiles.Authority, provisioning.AuthorityPem, "0644").ToShell());
            script.Append(new RemoteFile(folder + "/" + RemoteEngineFiles.ServerCertificate, provisioning.ServerCertificatePem, "0644").ToShell());
            script.Append(new RemoteFile(folder + "/" + RemoteEngineFiles.ServerKey, provisioning.ServerKeyPem, "0600").ToShell());

            script.Append("step write-daemon-configuration\n");
            script.Append(new RemoteFile(folder + "/" + RemoteEngineFiles.DaemonConfiguration, daemonJson, "0644").ToShell());

            script.Append(RemoteScriptLibrary.Read(RemoteScriptLibrary.StartEngine));
            return new SshScript(Name, script.ToString());
        }
    }
}
