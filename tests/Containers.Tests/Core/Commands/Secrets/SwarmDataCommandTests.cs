using System.Security;
using System.Text;
using System.Text.Json;
using Containers.Commands.Secrets;
using Containers.Engine.Endpoints;
using Containers.EngineSelection;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Secrets
{
    /// <summary>
    /// The secret and config commands through the seam, against the shared single-node swarm (and, for the error off a
    /// swarm, the private engine, which is never in one). The value of a secret is checked to be nowhere: not in the
    /// objects (nor their JSON), not in verbose or debug output, not in an error; and the service test proves the bytes
    /// the engine got are the bytes given.
    /// </summary>
    [RequiresEngine]
    public sealed class SwarmDataCommandTests
    {
        private const string Value = "pa55-w0rd-Ünïcode-\u20ac";

        private static async Task<(SwarmEngine Swarm, ContainerEngine Engine)> SwarmAsync()
        {
            SwarmEngine swarm = await SwarmEngine.GetAsync();
            return (swarm, EngineDirectory.Get(swarm.Endpoint, null, null, "swarm", "parameter"));
        }

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (char c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }

        [Fact]
        public async Task A_secret_from_a_SecureString_is_created_listed_by_name_and_wildcard_and_its_value_is_nowhere()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            string name = PrivateEngine.UniqueName("secnew");
            var output = new RecordingOutput();
            try
            {
                await new NewContainerSecretCommand { Name = name, Value = Secure(Value), Label = new Dictionary<string, string> { ["tier"] = "db" } }
                    .ExecuteAsync(engine, output, default);
                Assert.Empty(output.Errors);
                Assert.Equal(($"secret '{name}' on swarm", "Create"), Assert.Single(output.Asked));
                ContainerSecret made = Assert.Single(output.ObjectsOf<ContainerSecret>());
                Assert.Equal(name, made.Name);
                Assert.Equal("db", made.Labels["tier"]);
                Assert.Null(made.Driver);
                Assert.Matches("^[0-9a-z]{25}$", made.Id);
                Assert.True(made.Created > DateTime.Now.AddHours(-1));
                Assert.Same(engine, made.Engine);

                var listed = new RecordingOutput();
                await new GetContainerSecretCommand { Name = new[] { name.Substring(0, 8) + "*", name, made.Id.Substring(0, 10) } }.ExecuteAsync(engine, listed, default);
                Assert.Empty(listed.Errors);
                Assert.Equal(made.Id, Assert.Single(listed.ObjectsOf<ContainerSecret>(), s => s.Name == name).Id);

                var labelled = new RecordingOutput();
                await new GetContainerSecretCommand { Label = new[] { "tier=db" } }.ExecuteAsync(engine, labelled, default);
                Assert.Contains(labelled.ObjectsOf<ContainerSecret>(), s => s.Name == name);

                string everything = string.Join("\n", output.Verbose.Concat(listed.Verbose))
                    + JsonSerializer.Serialize(made.GetType().GetProperties().Where(p => p.Name != "Engine").ToDictionary(p => p.Name, p => p.GetValue(made)?.ToString()))
                    + made;
                Assert.DoesNotContain(Value, everything);
                Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(Value)), everything);
            }
            finally
            {
                await swarm.Client.Secrets.RemoveAsync(name);
            }
        }

        [Fact]
        public async Task A_service_reads_the_secret_from_a_binary_file_and_removal_is_SecretInUse_naming_the_service()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            string name = PrivateEngine.UniqueName("secfile");
            string service = PrivateEngine.UniqueName("svcfile");
            string path = Path.Combine(Path.GetTempPath(), name + ".bin");
            byte[] data = Enumerable.Range(0, 20000).Select(i => (byte)(i * 31 % 256)).ToArray();
            File.WriteAllBytes(path, data);
            string config = Path.Combine(swarm.Dockerd.Directory, "cli-config");
            try
            {
                var output = new RecordingOutput();
                await new NewContainerSecretCommand { Name = name, Path = path }.ExecuteAsync(engine, output, default);
                Assert.Empty(output.Errors);
                DockerCli.Run(swarm.Endpoint, config, "service", "create", "--detach", "--no-resolve-image", "--name", service,
                    "--secret", name, swarm.Image, "sleep", "3600");
                string container = await SwarmTaskContainer.RunningAsync(swarm.Client, service);
                Assert.Equal(SwarmTaskContainer.Sha256(data) + "  /run/secrets/" + name,
                    DockerCli.Run(swarm.Endpoint, config, "exec", container, "sha256sum", "/run/secrets/" + name).Trim());

                var removal = new RecordingOutput();
                await new RemoveContainerSecretCommand().ExecuteAsync(engine, new[] { name }, removal, default);
                CommandError error = Assert.Single(removal.Errors);
                Assert.Equal("SecretInUse", error.ErrorId);
                Assert.Equal(ErrorKind.ResourceBusy, error.Kind);
                Assert.Equal($"The secret '{name}' is in use by service '{service}' and was not removed.", error.Message);
                Assert.Equal(name, error.Target);
                Assert.Single(await swarm.Client.Secrets.ListAsync(new Filters().Add("name", name)));
            }
            finally
            {
                File.Delete(path);
                try
                {
                    DockerCli.Run(swarm.Endpoint, config, "service", "rm", service);
                }
                catch (InvalidOperationException)
                {
                    // Not created: the test failed before.
                }

                await SwarmTaskContainer.RemoveWhenFreeAsync(() => swarm.Client.Secrets.RemoveAsync(name));
            }
        }

        [Fact]
        public async Task A_name_taken_is_SecretNameInUse_and_a_missing_one_is_SecretNotFound_and_the_next_is_removed()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            string name = PrivateEngine.UniqueName("sectaken");
            string missing = PrivateEngine.UniqueName("secnone");
            await new NewContainerSecretCommand { Name = name, Value = Secure("first") }.ExecuteAsync(engine, new RecordingOutput(), default);
            try
            {
                var again = new RecordingOutput();
                await new NewContainerSecretCommand { Name = name, Value = Secure(Value) }.ExecuteAsync(engine, again, default);
                CommandError conflict = Assert.Single(again.Errors);
                Assert.Equal("SecretNameInUse", conflict.ErrorId);
                Assert.Equal(ErrorKind.ResourceExists, conflict.Kind);
                Assert.Equal(name, conflict.Target);
                Assert.DoesNotContain(Value, conflict.Message + conflict.Exception);

                var get = new RecordingOutput();
                await new GetContainerSecretCommand { Name = new[] { missing, name } }.ExecuteAsync(engine, get, default);
                CommandError notFound = Assert.Single(get.Errors);
                Assert.Equal("SecretNotFound", notFound.ErrorId);
                Assert.Equal(ErrorKind.ObjectNotFound, notFound.Kind);
                Assert.Equal(missing, notFound.Target);
                Assert.Equal(name, Assert.Single(get.ObjectsOf<ContainerSecret>()).Name);

                var removal = new RecordingOutput();
                await new RemoveContainerSecretCommand().ExecuteAsync(engine, new[] { missing, name }, removal, default);
                Assert.Equal("SecretNotFound", Assert.Single(removal.Errors).ErrorId);
                Assert.Contains($"Removed secret {name}.", removal.Verbose);
                Assert.Empty(await swarm.Client.Secrets.ListAsync(new Filters().Add("name", name)));
            }
            finally
            {
                await SwarmTaskContainer.RemoveWhenFreeAsync(() => swarm.Client.Secrets.RemoveAsync(name));
            }
        }

        [Fact]
        public async Task Bad_content_is_refused_before_anything_is_made()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            string name = PrivateEngine.UniqueName("secbad");
            string missingFile = Path.Combine(Path.GetTempPath(), name + ".none");
            string big = Path.Combine(Path.GetTempPath(), name + ".big");
            File.WriteAllBytes(big, new byte[512000]);
            try
            {
                var output = new RecordingOutput();
                await new NewContainerSecretCommand { Name = name, Path = missingFile }.ExecuteAsync(engine, output, default);
                CommandError noFile = Assert.Single(output.Errors);
                Assert.Equal("FileNotFound", noFile.ErrorId);
                Assert.Equal(ErrorKind.ObjectNotFound, noFile.Kind);
                Assert.Contains(missingFile, noFile.Message);

                InvalidParameterException tooBig = await Assert.ThrowsAsync<InvalidParameterException>(
                    () => new NewContainerConfigCommand { Name = name, Path = big }.ExecuteAsync(engine, new RecordingOutput(), default));
                Assert.Equal("InvalidPath", ErrorClassifier.Classify(tooBig, null).ErrorId);
                Assert.Contains("512,000 bytes", tooBig.Message);

                // A SecureString holds at most 65,536 characters (196,608 UTF-8 bytes): only a config's text can be too long.
                InvalidParameterException tooLong = await Assert.ThrowsAsync<InvalidParameterException>(
                    () => new NewContainerConfigCommand { Name = name, Value = new string('x', 512000) }.ExecuteAsync(engine, new RecordingOutput(), default));
                CommandError classified = ErrorClassifier.Classify(tooLong, null);
                Assert.Equal("InvalidValue", classified.ErrorId);
                Assert.Equal(ErrorKind.InvalidArgument, classified.Kind);
                Assert.Null(classified.Target);
                Assert.DoesNotContain("xxxx", classified.Message);

                InvalidParameterException empty = await Assert.ThrowsAsync<InvalidParameterException>(
                    () => new NewContainerSecretCommand { Name = name, Value = Secure(string.Empty) }.ExecuteAsync(engine, new RecordingOutput(), default));
                Assert.Equal("The value is empty; a secret holds 1 to 511,999 bytes. No secret was created.", empty.Reason);

                Assert.Empty(await swarm.Client.Secrets.ListAsync(new Filters().Add("name", name)));
                Assert.Empty(await swarm.Client.Configs.ListAsync(new Filters().Add("name", name)));
            }
            finally
            {
                File.Delete(big);
            }
        }

        [Fact]
        public async Task WhatIf_creates_nothing_and_Remove_asks_about_each_target()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            string name = PrivateEngine.UniqueName("cfgwhatif");
            var declined = new RecordingOutput { Approve = false };
            await new NewContainerConfigCommand { Name = name, Value = "x=1" }.ExecuteAsync(engine, declined, default);
            Assert.Empty(declined.Objects);
            Assert.Empty(await swarm.Client.Configs.ListAsync(new Filters().Add("name", name)));

            await new NewContainerConfigCommand { Name = name, Value = "x=1" }.ExecuteAsync(engine, new RecordingOutput(), default);
            try
            {
                var kept = new RecordingOutput { Approve = false };
                await new RemoveContainerConfigCommand().ExecuteAsync(engine, new[] { name.Substring(0, 9) + "*" }, kept, default);
                Assert.Contains(($"config '{name}' on swarm", "Remove"), kept.Asked);
                Assert.Single(await swarm.Client.Configs.ListAsync(new Filters().Add("name", name)));
            }
            finally
            {
                await swarm.Client.Configs.RemoveAsync(name);
            }
        }

        [Fact]
        public async Task A_config_shows_its_text_and_keeps_binary_bytes_whole()
        {
            (SwarmEngine swarm, ContainerEngine engine) = await SwarmAsync();
            string name = PrivateEngine.UniqueName("cfgtext");
            string binary = PrivateEngine.UniqueName("cfgbin");
            string path = Path.Combine(Path.GetTempPath(), binary);
            byte[] bytes = { 0xff, 0x00, 0xfe, 0x41 };
            File.WriteAllBytes(path, bytes);
            try
            {
                var output = new RecordingOutput();
                await new NewContainerConfigCommand { Name = name, Value = "listen 80;\nserver_name é;\n" }.ExecuteAsync(engine, output, default);
                await new NewContainerConfigCommand { Name = binary, Path = path }.ExecuteAsync(engine, output, default);
                Assert.Empty(output.Errors);

                var get = new RecordingOutput();
                await new GetContainerConfigCommand { Name = new[] { name, binary } }.ExecuteAsync(engine, get, default);
                ContainerSwarmConfig[] configs = get.ObjectsOf<ContainerSwarmConfig>().ToArray();
                Assert.Equal(new[] { name, binary }, configs.Select(c => c.Name)); // in the order asked
                Assert.Equal("listen 80;\nserver_name é;\n", configs[0].Data);
                Assert.Equal(27, configs[0].Size); // é is two bytes
                Assert.Equal(bytes, configs[1].GetBytes());
            }
            finally
            {
                File.Delete(path);
                await SwarmTaskContainer.RemoveWhenFreeAsync(() => swarm.Client.Configs.RemoveAsync(name));
                await SwarmTaskContainer.RemoveWhenFreeAsync(() => swarm.Client.Configs.RemoveAsync(binary));
            }
        }

        [Fact]
        public async Task An_engine_outside_a_swarm_is_NotSwarmManager()
        {
            PrivateEngine engine = await PrivateEngine.GetAsync();
            Exception refused = await Assert.ThrowsAnyAsync<Exception>(() => new GetContainerSecretCommand().ExecuteAsync(engine.Engine, new RecordingOutput(), default));
            CommandError error = ErrorClassifier.Classify(refused, null);
            Assert.Equal("NotSwarmManager", error.ErrorId);
            Assert.Equal(ErrorKind.InvalidOperation, error.Kind);
            Assert.Contains("Initialize-ContainerSwarm", error.RecommendedAction);

            var output = new RecordingOutput();
            await new RemoveContainerConfigCommand().ExecuteAsync(engine.Engine, new[] { "x" }, output, default);
            Assert.Equal("NotSwarmManager", Assert.Single(output.Errors).ErrorId);
        }
    }
}
