using System.Globalization;
using System.Text;

namespace Containers.Provisioning.Ssh
{
    /// <summary>The head of every engine script: <c>set -eu</c> and the shell variables the script files (Scripts/*.sh) read.</summary>
    internal static class EngineScriptVariables
    {
        public static string Write(EngineProvisioning provisioning)
        {
            var script = new StringBuilder("set -eu\n");
            void Variable(string name, string value) => script.Append(name).Append('=').Append(ShellQuoting.Quote(value)).Append('\n');
            Variable("CONTAINERS_CONFIG_DIR", provisioning.ConfigDirectory.TrimEnd('/'));
            Variable("CONTAINERS_ENGINE_LOG", provisioning.LogFile);
            Variable("CONTAINERS_ENGINE_PIDFILE", provisioning.PidFile);
            Variable("CONTAINERS_ENGINE_SOCKET", provisioning.Socket);
            Variable("CONTAINERS_START_SECONDS", provisioning.StartSeconds.ToString(CultureInfo.InvariantCulture));
            return script.ToString();
        }
    }
}
