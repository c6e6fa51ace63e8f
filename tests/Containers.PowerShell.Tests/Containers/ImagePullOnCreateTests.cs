using System.Management.Automation;
using Containers.PowerShell.Tests.Fixtures;
using Xunit;

namespace Containers.PowerShell.Tests.Containers
{
    /// <summary>
    /// New-Container and Invoke-ContainerImage pull a missing image as docker create and run do (-Pull Missing, Always,
    /// Never), with the login Connect-ContainerRegistry stored and Invoke-ImagePull's layer progress. Each test makes an
    /// image of its own (a committed container), pushes it to the private registry and removes it from the engine.
    /// </summary>
    public sealed class ImagePullOnCreateTests
    {
        /// <summary>
        /// Makes $ref (in the private registry, pushed with a stored login) and $pushedId, in the session's global scope
        /// where later scripts see them; the engine no longer has the image.
        /// </summary>
        private const string PushedAndRemoved = @"
            $cred = [pscredential]::new($RegistryUser, (ConvertTo-SecureString $RegistryPassword -AsPlainText -Force))
            $null = Connect-ContainerRegistry -Registry $TestRegistry -Credential $cred
            $ref = ""$TestRegistry/$Prefix/pulled:v1""
            $null = Invoke-ContainerImage -Image $TestImage -Name ""$Prefix-src"" -Command sh, -c, ""echo $Prefix > /unique""
            $pushedId = (ConvertTo-ContainerImage -Name ""$Prefix-src"" -Repository ""$TestRegistry/$Prefix/pulled"" -Tag v1).Id
            $null = Invoke-ImagePush -Name $ref
            Remove-Container -Name ""$Prefix-src"" -Confirm:$false
            Remove-ContainerImage -Name $ref -Confirm:$false
            ";

        [Fact]
        public async Task New_Container_pulls_a_missing_image_with_the_stored_login_and_shows_layer_progress()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(PushedAndRemoved, Login(session)).AssertNoErrors();
            Assert.StartsWith("ImageNotFound,", Assert.Single(session.Run("Get-ContainerImage -Name $ref").Errors).FullyQualifiedErrorId, StringComparison.Ordinal);

            RunResult created = session.Run("New-Container -Image $ref -Name \"$Prefix-pulled\" -Command true").AssertNoErrors();

            PSObject container = created.Single();
            string reference = (string)session.Run("$ref").Single().BaseObject;
            Assert.Equal((session.Prefix + "-pulled", reference), ((string)container.Properties["Name"].Value, (string)container.Properties["Image"].Value));
            Assert.Equal(session.Run("$pushedId").Single().BaseObject, container.Properties["ImageId"].Value);
            AssertPullProgress(created, reference);
        }

        [Fact]
        public async Task Invoke_ContainerImage_pulls_and_runs_and_Never_refuses_a_missing_image_creating_nothing()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(PushedAndRemoved, Login(session)).AssertNoErrors();

            RunResult never = session.Run("New-Container -Image $ref -Name \"$Prefix-never\" -Pull Never -Command true");
            ErrorRecord notFound = Assert.Single(never.Errors);
            Assert.StartsWith("ImageNotFound,", notFound.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Equal(ErrorCategory.ObjectNotFound, notFound.CategoryInfo.Category);
            Assert.Empty(never.Progress);
            ContainerAssert.Gone(session, "$Prefix-never");

            RunResult ran = session.Run("Invoke-ContainerImage -Image $ref -Command cat, /unique -Remove; $LASTEXITCODE").AssertNoErrors();
            Assert.Equal(new object[] { session.Prefix, 0 }, ran.Output.Select(item => item.BaseObject).ToArray());
            AssertPullProgress(ran, (string)session.Run("$ref").Single().BaseObject);
        }

        [Fact]
        public async Task Always_pulls_even_when_the_engine_has_the_image_and_Pull_completes_its_values()
        {
            using ModuleSession session = await ModuleSession.StartAsync();
            session.Run(PushedAndRemoved, Login(session)).AssertNoErrors();
            session.Run("$null = Invoke-ImagePull -Name $ref").AssertNoErrors();

            RunResult missing = session.Run("New-Container -Image $ref -Name \"$Prefix-present\" -Command true").AssertNoErrors();
            Assert.Empty(missing.Progress);
            RunResult always = session.Run("New-Container -Image $ref -Name \"$Prefix-always\" -Pull Always -Command true").AssertNoErrors();
            Assert.Contains(always.Progress, record => record.ActivityId == 1 && record.Activity.StartsWith("Pulling ", StringComparison.Ordinal));

            Assert.Equal(new[] { "Always", "Missing", "Never" }, session.Complete("New-Container -Pull ").Select(result => result.CompletionText).OrderBy(text => text, StringComparer.Ordinal));
            RunResult bad = session.Run("New-Container -Image $ref -Pull Sometimes");
            ErrorRecord refused = Assert.Single(bad.Errors);
            Assert.Equal(ErrorCategory.InvalidArgument, refused.CategoryInfo.Category);
            Assert.Contains("Missing, Always, Never", refused.Exception.Message, StringComparison.Ordinal);
        }

        private static Dictionary<string, object?> Login(ModuleSession session) => new Dictionary<string, object?>
        {
            ["RegistryUser"] = session.Engine.RegistryUser,
            ["RegistryPassword"] = session.Engine.RegistryPassword,
        };

        /// <summary>The pull's bar and a bar per layer under it, each completed at the end, as Invoke-ImagePull shows them.</summary>
        private static void AssertPullProgress(RunResult result, string reference)
        {
            Assert.Contains(result.Progress, record => record.ActivityId == 1 && record.Activity == "Pulling " + reference);
            Assert.Contains(result.Progress, record => record.ParentActivityId == 1 && record.Activity.StartsWith("Layer ", StringComparison.Ordinal));
            foreach (IGrouping<int, ProgressRecord> activity in result.Progress.GroupBy(record => record.ActivityId))
            {
                Assert.Equal(ProgressRecordType.Completed, activity.Last().RecordType);
            }
        }
    }
}
