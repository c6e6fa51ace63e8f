using Containers.Commands.Interactive;
using Xunit;

namespace Containers.Tests.Core.Commands.Interactive
{
    public class InteractiveHostTests
    {
        [Theory]
        [InlineData("ConsoleHost")]
        [InlineData("Visual Studio Code Host")] // the PowerShell extension's integrated console runs in a real terminal
        public void A_console_host_with_a_terminal_may_run_a_session(string name) =>
            Assert.Null(new InteractiveHost { HostName = name }.Refusal("web"));

        [Theory]
        [InlineData("Default Host")]
        [InlineData("ServerRemoteHost")]
        [InlineData("Windows PowerShell ISE Host")]
        [InlineData("")]
        public void Other_hosts_are_refused_by_name(string name)
        {
            var error = new InteractiveHost { HostName = name }.Refusal("web");
            Assert.NotNull(error);
            Assert.Equal("InteractiveConsoleRequired", error!.ErrorId);
            Assert.Equal("web", error.Target);
            Assert.NotNull(error.RecommendedAction);
        }

        [Fact]
        public void Both_redirections_are_named()
        {
            var error = new InteractiveHost { HostName = "ConsoleHost", IsInputRedirected = true, IsOutputRedirected = true }.Refusal("web");
            Assert.Contains("input and output are redirected", error!.Message);
        }

        [Theory]
        [InlineData(false, "pwsh")]
        [InlineData(false, "pwsh", "-NoProfile", "-NoLogo")]
        [InlineData(true, "pwsh", "-NonInteractive")]
        [InlineData(true, "powershell.exe", "-noni", "-File", "x.ps1")]
        [InlineData(true, "pwsh", "--noninteractive")]
        [InlineData(true, "powershell.exe", "/NonInteractive")]
        [InlineData(true, "pwsh", "-NoProfile", "-NONI", "-Command", "Enter-Container web")]
        [InlineData(false, "pwsh", "-non")] // too short: -NoLogo and -NoProfile begin the same
        [InlineData(false, "pwsh", "-Command", "./script.ps1", "-NonInteractive")] // the script's argument, not PowerShell's
        [InlineData(false, "pwsh", "-File", "./script.ps1", "-noni")]
        [InlineData(false, "pwsh", "-c", "x", "-noni")]
        [InlineData(false, "pwsh", "x.ps1", "-noni")] // a bare script path is -File: what follows is the script's
        [InlineData(true, "pwsh", "-ExecutionPolicy", "Bypass", "-noni", "-File", "x.ps1")]
        public void The_NonInteractive_switch_is_read_as_PowerShell_reads_its_command_line(bool expected, params string[] arguments)
            => Assert.Equal(expected, NonInteractiveSwitch.IsPresent(arguments));
    }
}
