using Containers.Commands.Containers;
using Containers.Errors;
using Containers.Models;
using Containers.Output;
using Containers.Parsing;
using Containers.Tests.Fixtures;
using Xunit;

namespace Containers.Tests.Core.Commands.Containers
{
    public class UpdateContainerTests : EngineTest
    {
        private async Task<ContainerDetail> DetailOf(string name)
        {
            var output = new RecordingOutput();
            await new GetContainerDetailCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            return Assert.Single(output.ObjectsOf<ContainerDetail>());
        }

        [Fact]
        public async Task Update_changes_memory_CPUs_and_restart_policy_as_Get_ContainerDetail_shows_and_PassThru_returns_the_container()
        {
            (string id, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput();
            var update = new UpdateContainerCommand(new ContainerUpdateOptions
            {
                Memory = "128m",
                MemorySwap = "256m",
                Cpu = 0.5,
                CpuShares = 512,
                RestartPolicy = "on-failure:3",
                PidsLimit = 50,
            }) { PassThru = true };
            await update.ExecuteAsync(Engine, new[] { name }, output, default);

            Assert.Empty(output.Errors);
            Assert.Equal(id, Assert.Single(output.ObjectsOf<Container>()).Id);
            (string target, string action) = Assert.Single(output.Asked);
            Assert.Equal("container '" + name + "' on test-engine", target);
            Assert.Equal("Update memory 128m, memory+swap 256m, CPUs 0.5, CPU shares 512, restart policy on-failure:3, process limit 50", action);

            ContainerDetail detail = await DetailOf(name);
            Assert.Equal(128L * 1024 * 1024, detail.HostConfig!.Memory);
            Assert.Equal(256L * 1024 * 1024, detail.HostConfig.MemorySwap);
            Assert.Equal(500_000_000L, detail.HostConfig.NanoCpus);
            Assert.Equal(512L, detail.HostConfig.CpuShares);
            Assert.Equal("on-failure", detail.HostConfig.RestartPolicy!.Name);
            Assert.Equal(3, detail.HostConfig.RestartPolicy.MaximumRetryCount);
            Assert.Equal("on-failure", detail.RestartPolicy);

            // The running container's memory limit is the new one.
            output = new RecordingOutput();
            await new GetContainerStatisticsCommand().ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Equal(128L * 1024 * 1024, Assert.Single(output.ObjectsOf<ContainerStatistics>()).MemoryLimit);
        }

        [Fact]
        public async Task A_bad_value_is_an_invalid_argument_and_changes_no_container()
        {
            (_, string first) = await StartAsync(Sleeper);
            (_, string second) = await StartAsync(Sleeper);
            ContainerDetail before = await DetailOf(first);

            foreach (ContainerUpdateOptions bad in new[]
            {
                new ContainerUpdateOptions { Memory = "128m", RestartPolicy = "sometimes" },
                new ContainerUpdateOptions { Memory = "12x", RestartPolicy = "always" },
                new ContainerUpdateOptions { Cpu = "lots", Memory = "128m" },
                new ContainerUpdateOptions { PidsLimit = -2 },
                new ContainerUpdateOptions(),
            })
            {
                InvalidParameterException refused = Assert.Throws<InvalidParameterException>(() => new UpdateContainerCommand(bad));
                CommandError error = ErrorClassifier.Classify(refused, null);
                Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
                Assert.StartsWith("Invalid", error.ErrorId);
            }

            Assert.Equal("InvalidRestartPolicy", ErrorClassifier.Classify(Assert.Throws<InvalidParameterException>(() => new UpdateContainerCommand(new ContainerUpdateOptions { Memory = "128m", RestartPolicy = "sometimes" })), null).ErrorId);
            Assert.Equal("InvalidMemory", ErrorClassifier.Classify(Assert.Throws<InvalidParameterException>(() => new UpdateContainerCommand(new ContainerUpdateOptions { Memory = "12x" })), null).ErrorId);
            // Below the engine's 6 MB minimum: refused here, naming the value, where the engine's words named neither.
            InvalidParameterException tooSmall = Assert.Throws<InvalidParameterException>(() => new UpdateContainerCommand(new ContainerUpdateOptions { Memory = "1m" }));
            Assert.Equal("InvalidMemory", ErrorClassifier.Classify(tooSmall, null).ErrorId);
            Assert.Contains("'1m'", tooSmall.Reason, StringComparison.Ordinal);

            // A combination only the engine refuses (memory+swap below memory) is reported for each container, and changes nothing.
            var output = new RecordingOutput();
            await new UpdateContainerCommand(new ContainerUpdateOptions { Memory = "64m", MemorySwap = "32m", RestartPolicy = "always" }).ExecuteAsync(Engine, new[] { first, second }, output, default);
            Assert.Equal(2, output.Errors.Count);
            Assert.All(output.Errors, e => Assert.Equal(ErrorKind.InvalidArgument, e.Kind));

            foreach (string name in new[] { first, second })
            {
                ContainerDetail after = await DetailOf(name);
                Assert.Equal(before.HostConfig!.Memory, after.HostConfig!.Memory);
                Assert.Equal(before.HostConfig.RestartPolicy?.Name, after.HostConfig.RestartPolicy?.Name);
            }
        }

        [Fact]
        public async Task WhatIf_changes_nothing_and_unlimited_swap_is_minus_one()
        {
            (_, string name) = await StartAsync(Sleeper);
            var output = new RecordingOutput { Approve = false };
            await new UpdateContainerCommand(new ContainerUpdateOptions { RestartPolicy = "always" }).ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Single(output.Asked);
            Assert.NotEqual("always", (await DetailOf(name)).HostConfig!.RestartPolicy?.Name); // the engine's "no" is an empty name

            output = new RecordingOutput();
            await new UpdateContainerCommand(new ContainerUpdateOptions { Memory = 64L * 1024 * 1024, MemorySwap = -1 }).ExecuteAsync(Engine, new[] { name }, output, default);
            Assert.Empty(output.Errors);
            ContainerDetail detail = await DetailOf(name);
            Assert.Equal(64L * 1024 * 1024, detail.HostConfig!.Memory);
            Assert.Equal(-1L, detail.HostConfig.MemorySwap);
        }
    }
}
