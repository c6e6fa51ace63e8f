<#
    The private engine and registry the Pester tests run against: tests/Containers.TestEngine, started as a process of
    its own that keeps them until its standard input closes. build.ps1 -Test starts one for the whole run and passes it
    on in the environment; a test file run by itself (Invoke-Pester tests/Pester/X.Tests.ps1) starts its own.
    With -Ssh it also starts a machine the Ssh driver can provision (an sshd in a network namespace of its own) and sets
    CONTAINERS_TEST_SSH_ADDRESS, CONTAINERS_TEST_SSH_KEY and CONTAINERS_TEST_SSH_USER.
    With -Another it starts one more engine (the test image, no registry) beside the run's and leaves the environment
    alone: its settings (DOCKER_HOST, ...) are the returned process's Settings. With -Fleet it also puts 20 slow engines
    in front of the engine and sets CONTAINERS_TEST_FLEET (their addresses, ';'-separated), for the fleet benchmark
    (bench/Measure-Cmdlets.ps1 -Operation Fleet).
    With -Cluster it starts instead three engines that can form a swarm (isolated dockerds joined by a bridge of their
    own) and sets CONTAINERS_TEST_CLUSTER_HOSTn, _ADDRESSn and _NODEn (n = 1..3), leaving DOCKER_HOST as it was.
    With -Swarm it starts instead a single-node swarm (an isolated dockerd with the test image, in a swarm of its own) and,
    as with -Another, leaves the environment alone: its settings (DOCKER_HOST, CONTAINERS_TEST_IMAGE,
    CONTAINERS_TEST_SWARM_NODE) are the returned process's Settings, so the run's shared engine is never put in a swarm.
#>

function Start-TestEngine {
    [CmdletBinding()]
    param([switch] $Ssh, [switch] $Another, [switch] $Fleet, [switch] $Cluster, [switch] $Swarm)
    $project = Join-Path $PSScriptRoot '../../Containers.TestEngine'
    $tool = Join-Path $project 'bin/Release/net10.0/Containers.TestEngine.dll'
    # Built when missing or older than its sources (its own, the fixtures it links, the engine client and Provisioning), so
    # that an edit is never tested against a stale tool; an up-to-date dotnet build would cost seconds every run.
    $built = if (Test-Path $tool) { (Get-Item $tool).LastWriteTimeUtc } else { [datetime]::MinValue }
    $root = Join-Path $PSScriptRoot '../../..'
    $newer = 'tests/Containers.TestEngine', 'tests/Containers.Tests/Fixtures', 'src/Containers.Engine', 'src/Containers.Provisioning' |
        ForEach-Object { Get-ChildItem (Join-Path $root $_) -Recurse -File -Include '*.cs', '*.csproj' } |
        Where-Object { $_.FullName -notmatch '[\\/](bin|obj)[\\/]' -and $_.LastWriteTimeUtc -gt $built } |
        Select-Object -First 1
    if ($newer) {
        & dotnet build $project -c Release --nologo -v q | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "Building $project failed with exit code $LASTEXITCODE." }
        # An up-to-date compile leaves the file as it was: mark it checked against these sources.
        (Get-Item $tool).LastWriteTimeUtc = [datetime]::UtcNow
    }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add('exec')
    $start.ArgumentList.Add((Resolve-Path $tool).Path)
    if ($Ssh) { $start.ArgumentList.Add('--ssh') }
    if ($Another) { $start.ArgumentList.Add('--no-registry') }
    if ($Fleet) { $start.ArgumentList.Add('--fleet') }
    if ($Cluster) { $start.ArgumentList.Add('--cluster') }
    if ($Swarm) { $start.ArgumentList.Add('--swarm') }
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $settings = [ordered]@{}
    while ($null -ne ($line = $process.StandardOutput.ReadLine()) -and $line -ne 'READY') {
        $name, $value = $line -split '=', 2
        $settings[$name] = $value
    }
    if ($line -ne 'READY') {
        $process.WaitForExit()
        throw "The test engine did not start (exit code $($process.ExitCode)); its reason is on the error output above."
    }

    if ($Another -or $Swarm) {
        return $process | Add-Member -NotePropertyName Settings -NotePropertyValue $settings -PassThru
    }
    foreach ($name in $settings.Keys) { Set-Item -Path "env:$name" -Value $settings[$name] }
    $process
}

function Stop-TestEngine {
    [CmdletBinding()]
    param([Parameter(Mandatory)] [System.Diagnostics.Process] $Process)
    # Closing its input is the signal; it stops the engine and the registry and removes their folders.
    $Process.StandardInput.Close()
    if (-not $Process.WaitForExit(60000)) { $Process.Kill($true) }
}
