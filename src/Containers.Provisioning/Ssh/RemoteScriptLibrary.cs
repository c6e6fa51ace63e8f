using System.Reflection;

namespace Containers.Provisioning.Ssh
{
    /// <summary>The shell scripts kept as files beside this code (Provisioning/Ssh/Scripts/*.sh), embedded in the assembly.</summary>
    internal static class RemoteScriptLibrary
    {
        public const string InstallEngine = "install-engine.sh";
        public const string StartEngine = "start-engine.sh";
        public const string StopEngine = "stop-engine.sh";
        public const string KeepOriginals = "keep-originals.sh";
        public const string RemoveEngineFiles = "remove-engine-files.sh";
        public const string EngineStatus = "engine-status.sh";
        public const string ContactHost = "contact-host.sh";

        public static string Read(string name)
        {
            string resource = "Containers.Provisioning.Ssh.Scripts." + name;
            using Stream stream = typeof(RemoteScriptLibrary).GetTypeInfo().Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The script '{resource}' is not embedded in the assembly.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
    }
}
