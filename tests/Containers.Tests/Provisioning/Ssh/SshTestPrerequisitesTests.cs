using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Provisioning.Ssh
{
    /// <summary>The SSH tests fail, never skip, when a program they need is missing, and say which package to install.</summary>
    [RequiresEngine]
    public sealed class SshTestPrerequisitesTests
    {
        [Fact]
        public void Every_program_the_ssh_tests_need_is_installed()
        {
            foreach (string program in SshTestPrerequisites.Packages.Keys)
            {
                SshTestPrerequisites.Require(program);
            }
        }

        [Fact]
        public void A_missing_program_fails_naming_its_package()
        {
            var error = Assert.Throws<InvalidOperationException>(() => SshTestPrerequisites.Require("no-such-sshd-program"));
            Assert.Contains("apt-get install -y no-such-sshd-program", error.Message, StringComparison.Ordinal);
            Assert.Equal("openssh-server", SshTestPrerequisites.Packages["sshd"]);
            Assert.Equal("iproute2", SshTestPrerequisites.Packages["ip"]);
        }
    }
}
