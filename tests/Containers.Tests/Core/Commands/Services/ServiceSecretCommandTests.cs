using System.Text;
using Containers.Commands.Services;
using Containers.Engine.Errors;
using Containers.Engine.Models;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Services
{
    public sealed class ServiceSecretCommandTests : ServiceCommandTest
    {
        [Fact]
        public async Task A_service_gets_its_secret_and_config_as_files_named_as_asked()
        {
            string name = NewName("files");
            string secret = name + "-secret";
            string config = name + "-config";
            await Swarm.Client.Secrets.CreateAsync(new SwarmDataSpec { Name = secret, Data = Encoding.UTF8.GetBytes("s3cret-value") });
            await Swarm.Client.Configs.CreateAsync(new SwarmDataSpec { Name = config, Data = Encoding.UTF8.GetBytes("config-value") });
            try
            {
                ServiceOptions options = Sleeper(name, 1);
                options.Secret = new[] { secret };
                options.Config = new[] { $"source={config},target=/etc/app.conf,mode=0440" };
                options.Command = new[] { "sh", "-c", $"cat /run/secrets/{secret}; echo; stat -c %a /etc/app.conf; cat /etc/app.conf; echo; exec sleep 3600" };
                await CreateAsync(options);

                Service made = await Swarm.Client.Services.InspectAsync(name);
                SecretReference reference = Assert.Single(made.Spec.TaskTemplate.ContainerSpec.Secrets!);
                Assert.Equal(secret, reference.SecretName);
                Assert.Equal((await Swarm.Client.Secrets.InspectAsync(secret)).ID, reference.SecretID);
                Assert.Equal("/etc/app.conf", Assert.Single(made.Spec.TaskTemplate.ContainerSpec.Configs!).File?.Name);

                IReadOnlyList<string> lines = Array.Empty<string>();
                await EventuallyAsync(async () =>
                {
                    var output = new RecordingOutput();
                    await new GetContainerServiceLogCommand().ExecuteAsync(Engine, new[] { name }, output, default);
                    lines = output.ObjectsOf<ContainerLogLine>().Select(l => l.Text).ToList();
                    return lines.Count >= 3;
                }, "the task has written its files out");
                Assert.Equal(new[] { "s3cret-value", "440", "config-value" }, lines);
            }
            finally
            {
                await Swarm.Client.Services.RemoveAsync(name);
                await EventuallyAsync(async () => await TryAsync(() => Swarm.Client.Secrets.RemoveAsync(secret)) && await TryAsync(() => Swarm.Client.Configs.RemoveAsync(config)), "the secret and config are free to remove");
            }
        }

        [Fact]
        public async Task A_secret_the_engine_lacks_is_SecretNotFound_and_no_service_is_made()
        {
            string name = NewName("nosecret");
            ServiceOptions options = Sleeper(name, 1);
            options.Secret = new[] { $"source={name}-absent,target=x" };
            NewContainerServiceCommand command = NewContainerServiceCommand.FromOptions(options);
            command.Image = new ServiceImage { Resolution = ServiceImageResolution.Never };
            EngineNotFoundException missing = await Assert.ThrowsAsync<EngineNotFoundException>(() => command.ExecuteAsync(Engine, new RecordingOutput(), default));
            Assert.Equal("SecretNotFound", ErrorClassifier.Classify(missing, name).ErrorId);
            Assert.DoesNotContain(await Swarm.Client.Services.ListAsync(), s => s.Spec.Name == name);
        }

        private static async Task<bool> TryAsync(Func<Task> act)
        {
            try
            {
                await act();
                return true;
            }
            catch (EngineNotFoundException)
            {
                return true;
            }
            catch (EngineException)
            {
                return false; // still in use by the removed service's task
            }
        }
    }
}
