#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Drives the built module in a real PowerShell against a private engine and registry (tests/Containers.TestEngine):
    the ones ./build.ps1 -Test started for the whole run, named in the environment, else ones this file starts and
    stops. Nothing here pulls from the internet: the image is the busybox rootfs the engine fixture imports, and every
    registry is on loopback.
#>

BeforeAll {
    $script:ownEngine = $null
    if (-not $env:CONTAINERS_TEST_REGISTRY) {
        . (Join-Path $PSScriptRoot 'Support/TestEngine.ps1')
        $script:ownEngine = Start-TestEngine -Ssh
    }
    $modulePath = if ($env:CONTAINERS_MODULE_PATH) { $env:CONTAINERS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Containers/Containers.psd1' }
    Import-Module $modulePath -Force
    $script:image = if ($env:CONTAINERS_TEST_IMAGE) { $env:CONTAINERS_TEST_IMAGE } else { 'localhost/containers-test/busybox:latest' }
    if (-not (Test-ContainerEngine)) {
        throw "No engine answers at DOCKER_HOST '$env:DOCKER_HOST': run these tests through ./build.ps1 -Test, or unset CONTAINERS_TEST_REGISTRY so that this file starts its own engine."
    }
    $script:prefix = 'pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
}

AfterAll {
    Get-Container -All -Name "$script:prefix*" | Remove-Container -Force -Confirm:$false
    # Names only: the copies of the test image lose their names, the images made here go with their last one.
    Get-ContainerImage -Name "localhost/$script:prefix*" | Remove-ContainerImage -Force -Confirm:$false -ErrorAction SilentlyContinue
    if ($script:ownEngine) { Stop-TestEngine -Process $script:ownEngine }
}

Describe 'The module' {
    It 'exports exactly the cmdlets its manifest lists' {
        $manifest = Import-PowerShellDataFile $modulePath
        $exported = (Get-Module Containers).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'connects to the engine and reports its version' {
        $engine = Get-ContainerEngine
        $engine.ApiVersion | Should -Match '^1\.\d+$'
        $engine.EngineVersion | Should -Not -BeNullOrEmpty
    }
}

Describe 'Engine connection' {
    It 'connects for this session only and disconnects back to the environment''s engine' {
        $before = Get-ContainerEngine
        $engine = Connect-ContainerEngine -Uri $before.Uri
        $engine.ApiVersion | Should -Match '^1\.\d+$'
        $engine.Source | Should -Be 'parameter'
        (Get-ContainerEngine).Uri | Should -Be $before.Uri
        $after = Disconnect-ContainerEngine -PassThru
        $after.Source | Should -Be $before.Source
    }

    It 'refuses a certificate folder that does not exist, naming the parameter' {
        { Connect-ContainerEngine -Uri 'tcp://127.0.0.1:2376' -CertificatePath (Join-Path $TestDrive 'missing') -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidCertificatePath*'
    }

    It 'takes an engine by address on any cmdlet' {
        $uri = (Get-ContainerEngine).Uri
        Test-ContainerEngine -Engine $uri | Should -BeTrue
        (Get-ContainerEngine -Engine $uri).Uri | Should -Be $uri
    }
}

Describe 'Container lifecycle' {
    It 'creates, starts, lists, stops and removes a container through the pipeline' {
        $name = "$script:prefix-life"
        $container = New-Container -Image $script:image -Name $name -Command 'sleep', '300' -Label @{ suite = 'pester' }
        $container.Name | Should -Be $name
        $container.State | Should -Be 'created'

        $started = $container | Start-Container -PassThru
        $started.State | Should -Be 'running'
        (Get-Container -Name $name).Id | Should -Be $container.Id

        $stopped = Get-Container -Name $name | Stop-Container -Timeout 1 -PassThru
        $stopped.State | Should -Be 'exited'

        Get-Container -Name $name | Remove-Container -Confirm:$false
        { Get-Container -All -Name $name -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerNotFound,*'
    }

    It 'runs a command like a native command: output, $LASTEXITCODE, and a failure a script sees' {
        $err = $null
        $output = Invoke-ContainerImage -Image $script:image -Name "$script:prefix-run" -Command 'sh', '-c', 'echo hello; exit 3' -Remove -ErrorVariable err -ErrorAction SilentlyContinue
        $succeeded = $?
        $output | Should -Be 'hello'
        $LASTEXITCODE | Should -Be 3
        $succeeded | Should -BeFalse
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ContainerExitedWithError*'
        { Invoke-ContainerImage -Image $script:image -Command 'sh', '-c', 'exit 3' -Remove -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerExitedWithError*'
    }

    It 'reports a missing container as ObjectNotFound with a stable error id' {
        $err = $null
        Stop-Container -Name "$script:prefix-missing" -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ContainerNotFound*'
    }

    It 'refuses a malformed port before creating anything' {
        { New-Container -Image $script:image -Name "$script:prefix-badport" -Port '80:abc' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidPort*'
        { Get-Container -All -Name "$script:prefix-badport" -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerNotFound,*'
    }

    It 'honours -WhatIf' {
        New-Container -Image $script:image -Name "$script:prefix-whatif" -WhatIf
        { Get-Container -All -Name "$script:prefix-whatif" -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerNotFound,*'
    }

    It 'runs commands in a running container and streams logs' {
        $name = "$script:prefix-exec"
        $null = Invoke-ContainerImage -Image $script:image -Name $name -Command 'sh', '-c', 'echo started; sleep 300' -Detach
        Invoke-ContainerCommand -Name $name -Command 'sh', '-c', 'echo inside' | Should -Be 'inside'
        $err = $null
        $result = Invoke-ContainerCommand -Name $name -Command 'sh', '-c', 'echo oops >&2; exit 2' -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
        $result.ExitCode | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -BeLike 'CommandExitedWithError*'
        $result.Error | Should -Be 'oops'
        (Get-ContainerLog -Name $name).Text | Should -Contain 'started'
    }

    It 'pauses, resumes, renames, restarts and waits through the pipeline' {
        $name = "$script:prefix-cycle"
        $container = Invoke-ContainerImage -Image $script:image -Name $name -Command 'sleep', '300' -Detach
        ($container | Suspend-Container -PassThru).State | Should -Be 'paused'
        ($container | Resume-Container -PassThru).State | Should -Be 'running'
        # Renamed before the restart: this engine has no bridge network, and dockerd 20.10 then cannot rename a running
        # container that was stopped and started (it keeps the old sandbox id; NetworkSandboxNotFound, pinned in xunit).
        $renamed = $container | Rename-Container -NewName "$name-renamed" -PassThru
        $renamed.Name | Should -Be "$name-renamed"
        $renamed.Id | Should -Be $container.Id
        ($renamed | Restart-Container -Timeout 1 -PassThru).State | Should -Be 'running'
        $detail = Get-ContainerDetail -Name "$name-renamed"
        $detail.Id | Should -Be $container.Id
        $detail.State | Should -Be 'running'
        Stop-Container -Name "$name-renamed" -Force
        (Wait-Container -Name "$name-renamed").ExitCode | Should -Be 137
    }

    It 'sets ports, environment and limits from PowerShell-shaped parameters' {
        $name = "$script:prefix-friendly"
        $null = New-Container -Image $script:image -Name $name -Command 'true' -Port '127.0.0.1:18081:80' -Environment @{ MODE = 'pester' } -Memory 64MB -Cpu 0.5 -RestartPolicy 'on-failure:2'
        $detail = Get-ContainerDetail -Name $name
        $detail.HostConfig.PortBindings['80/tcp'][0].HostPort | Should -Be '18081'
        $detail.HostConfig.Memory | Should -Be 64MB
        $detail.Environment | Should -Contain 'MODE=pester'
        $detail.RestartPolicy | Should -BeLike 'on-failure*'
        $output = Invoke-ContainerImage -Image $script:image -Environment @{ MODE = 'pester' } -Command 'sh', '-c', 'echo $MODE' -Remove
        $output | Should -Be 'pester'
    }

    It 'refuses a malformed memory size and environment name with InvalidArgument' {
        { New-Container -Image $script:image -Name "$script:prefix-badmem" -Memory '12 parsecs' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidMemory*'
        { New-Container -Image $script:image -Name "$script:prefix-badenv" -Environment @{ 'A=B' = 1 } -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidEnvironment*'
        # A wildcard that matches nothing is an empty listing, not an error.
        Get-Container -All -Name "$script:prefix-bad*" -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'feeds -InputText to standard input and the run ends with it' {
        $output = Invoke-ContainerImage -Image $script:image -Command 'sh' -InputText "echo from-script`nexit 4`n" -Remove -ErrorAction SilentlyContinue
        $output | Should -Be 'from-script'
        $LASTEXITCODE | Should -Be 4
    }

    It 'inspects with sizes and prunes only what carries the label' {
        $name = "$script:prefix-sized"
        $label = "prune=$script:prefix"
        $null = Invoke-ContainerImage -Image $script:image -Name $name -Command 'sh', '-c', 'echo x > /file' -Label @{ prune = $script:prefix }
        $detail = Get-ContainerDetail -Name $name -Size
        $detail.SizeRw | Should -BeGreaterThan 0
        Remove-Container -Stopped -Label $label -WhatIf
        Get-Container -All -Name $name | Should -Not -BeNullOrEmpty
        $pruned = Remove-Container -Stopped -Label $label -Confirm:$false
        $pruned.Removed | Should -Contain $detail.Id
        { Get-Container -All -Name $name -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerNotFound,*'
    }

    It 'fails fast with a ConnectionError for an unreachable engine' {
        $elapsed = Measure-Command {
            { Get-Container -Engine 'tcp://127.0.0.1:1' -ErrorAction Stop } | Should -Throw -ErrorId 'EngineUnreachable*'
        }
        $elapsed.TotalSeconds | Should -BeLessThan 10
        Test-ContainerEngine -Engine 'tcp://127.0.0.1:1' | Should -BeFalse
    }
}

Describe 'Images' {
    It 'tags, finds by wildcard and removes a name without touching the image' {
        $name = "localhost/$script:prefix-tag:v1"
        $tagged = Add-ContainerImageTag -Name $script:image -Tag $name -PassThru
        $tagged.Name | Should -Be $name
        $tagged.Id | Should -Be (Get-ContainerImageDetail -Name $script:image).Id
        (Get-ContainerImage -Name "localhost/$script:prefix-*").Name | Should -Contain $name
        Get-ContainerImage -Name $name | Remove-ContainerImage -Confirm:$false
        Get-ContainerImage -Name "localhost/$script:prefix-tag*" | Should -BeNullOrEmpty
        Get-ContainerImage -Name $script:image | Should -Not -BeNullOrEmpty
    }

    It 'reports a missing image as ImageNotFound and refuses a malformed tag before sending it' {
        $err = $null
        Get-ContainerImage -Name "localhost/$script:prefix-missing:v1" -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImageNotFound*'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        { Add-ContainerImageTag -Name $script:image -Tag "localhost/$script:prefix-Bad:v1" -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidTag*'
        Get-ContainerImage -Name "localhost/$script:prefix-bad*" | Should -BeNullOrEmpty
    }

    It 'commits a container, shows the new layer on top, and refuses to remove an image in use' {
        $name = "$script:prefix-commit"
        $null = Invoke-ContainerImage -Image $script:image -Name $name -Command 'sh', '-c', 'echo x > /x; sleep 300' -Detach
        $image = ConvertTo-ContainerImage -Name $name -Repository "localhost/$script:prefix-commit" -Tag v1 -Message 'pester commit'
        $image.Name | Should -Be "localhost/$script:prefix-commit:v1"
        $history = Get-ContainerImageHistory -Name $image.Name
        $history[0].Id | Should -Be $image.Id
        $history[0].Comment | Should -Be 'pester commit'

        $user = Invoke-ContainerImage -Image $image.Name -Name "$name-user" -Command 'sleep', '300' -Detach
        $err = $null
        Remove-ContainerImage -Name $image.Id -ErrorVariable err -ErrorAction SilentlyContinue -Confirm:$false
        $err[0].FullyQualifiedErrorId | Should -BeLike 'ImageInUse*'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $user | Remove-Container -Force -Confirm:$false
        $image | Remove-ContainerImage -Confirm:$false
        { Get-ContainerImage -Name $image.Id -ErrorAction Stop } | Should -Throw -ErrorId 'ImageNotFound,*'
    }

    It 'saves two images into one archive, refuses to overwrite it, and loads them back' {
        $first = Add-ContainerImageTag -Name $script:image -Tag "localhost/$script:prefix-save:a" -PassThru
        $maker = "$script:prefix-save"
        $null = Invoke-ContainerImage -Image $script:image -Name $maker -Command 'sh', '-c', 'echo saved > /saved'
        $second = ConvertTo-ContainerImage -Name $maker -Repository "localhost/$script:prefix-save:b"
        $tar = Join-Path $TestDrive 'images.tar'
        $first, $second | Export-ContainerImage -Path $tar
        (Get-Item $tar).Length | Should -BeGreaterThan 1024
        { Export-ContainerImage -Name $first.Name -Path $tar -ErrorAction Stop } | Should -Throw -ErrorId 'FileExists*'

        Remove-ContainerImage -Name $first.Name, $second.Name -Confirm:$false
        $loaded = Import-ContainerImage -Path $tar
        ($loaded | Sort-Object Name).Id | Should -Be (@($first, $second) | Sort-Object Name).Id
    }

    It 'prunes only the unused images that carry its label' {
        $maker = "$script:prefix-prune"
        $null = Invoke-ContainerImage -Image $script:image -Name $maker -Command 'sh', '-c', 'echo pruned > /pruned'
        $dangling = ConvertTo-ContainerImage -Name $maker -Change "LABEL pester.prune=$script:prefix"
        $label = "pester.prune=$script:prefix"
        Remove-ContainerImage -Unused -Label $label -WhatIf
        Get-ContainerImage -Name $dangling.Id | Should -Not -BeNullOrEmpty
        $pruned = Remove-ContainerImage -Unused -Label $label -Confirm:$false
        $pruned.Kind | Should -Be 'Image'
        $pruned.Removed | Should -Contain $dangling.Id
        { Get-ContainerImage -Name $dangling.Id -ErrorAction Stop } | Should -Throw -ErrorId 'ImageNotFound,*'
    }

    It 'shows images as a docker-like table and details as a list' {
        $table = Get-ContainerImage -Name $script:image | Format-Table | Out-String -Width 250
        $table | Should -Match 'Repository'
        $table | Should -Match ([regex]::Escape('localhost/containers-test/busybox'))
        $list = Get-ContainerImageDetail -Name $script:image | Out-String -Width 250
        $list | Should -Match 'Platform'
    }
}

Describe 'Views and completion' {
    It 'shows containers as a docker-like table and as a list' {
        $name = "$script:prefix-view"
        $null = New-Container -Image $script:image -Name $name -Command 'true'
        $container = Get-Container -All -Name $name
        # The facts a user looks for, not the columns' exact text (widths and cuts are the views' own tests' business):
        # the whole name and the state in the table, at 80 columns too; the id in the list.
        $table = $container | Format-Table | Out-String -Width 250
        $table | Should -Match ([regex]::Escape($name))
        $table | Should -Match 'Created'
        $table | Should -Match 'Status'
        $container | Out-String -Width 80 | Should -Match ([regex]::Escape($name))
        $list = Get-Container -All -Name $name | Format-List | Out-String -Width 250
        $list | Should -Match $container.Id.Substring(0, 12)
        $list | Should -Match 'ImageId'
        (Get-Container -All -Name $name).ContainerId | Should -Not -BeNullOrEmpty
    }

    It 'completes container and image names from the engine' {
        $name = "$script:prefix-complete"
        $null = New-Container -Image $script:image -Name $name -Command 'true'
        $line = "Start-Container -Name $script:prefix-comp"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $name
        $line = 'New-Container -Image localhost/containers-test/busy'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain 'localhost/containers-test/busybox:latest'
    }

    It 'completes nothing, quickly, from an engine that is not there' {
        $line = 'Get-Container -Engine unix:///nonexistent/docker.sock -Name '
        $elapsed = Measure-Command { $null = TabExpansion2 -inputScript $line -cursorColumn $line.Length }
        $elapsed.TotalSeconds | Should -BeLessThan 3
    }
}

Describe 'Images and registries' {
    BeforeAll {
        # A login store of these tests' own: never the user's ~/.docker.
        $script:savedDockerConfig = $env:DOCKER_CONFIG
        $env:DOCKER_CONFIG = Join-Path $TestDrive 'docker-config'
        # The private registry the test engine started (host:port on loopback, with a login of its own).
        $script:registry = $env:CONTAINERS_TEST_REGISTRY
        $script:built = [System.Collections.Generic.List[string]]::new()
    }

    AfterAll {
        # Whatever a failed test left: an image already gone is no matter here.
        foreach ($id in $script:built) {
            Remove-ContainerImage -Name $id -Force -Confirm:$false -ErrorAction SilentlyContinue
        }
        $env:DOCKER_CONFIG = $script:savedDockerConfig
    }

    It 'builds a context honouring .dockerignore, with output on the Information stream and the image returned' {
        $context = Join-Path $TestDrive 'context'
        $null = New-Item -ItemType Directory -Path $context
        Set-Content -Path (Join-Path $context 'Dockerfile') -Value "FROM $script:image`nCOPY . /ctx/`nRUN ls /ctx`n"
        Set-Content -Path (Join-Path $context 'keep.txt') -Value 'kept'
        Set-Content -Path (Join-Path $context 'secret.txt') -Value 'ignored'
        Set-Content -Path (Join-Path $context '.dockerignore') -Value 'secret.txt'
        $tag = "localhost/pester/$script:prefix-built:v1"

        $image = Invoke-ImageBuild -Path $context -Tag $tag -Label @{ suite = 'pester' } -InformationVariable info
        $script:built.Add($image.Id)
        $image.Name | Should -Be $tag
        $image.Labels['suite'] | Should -Be 'pester'
        $lines = $info | Where-Object { $_.Tags -contains 'Build' } | ForEach-Object { "$($_.MessageData)" }
        $lines | Should -Contain 'keep.txt'
        $lines | Should -Not -Contain 'secret.txt'
        Invoke-ContainerImage -Image $tag -Command 'ls', '/ctx' -Remove | Should -Not -Contain 'secret.txt'
    }

    It 'raises a failing step with its exit code' {
        $context = Join-Path $TestDrive 'failing'
        $null = New-Item -ItemType Directory -Path $context
        Set-Content -Path (Join-Path $context 'Dockerfile') -Value "FROM $script:image`nRUN exit 7`n"
        Invoke-ImageBuild -Path $context -ErrorVariable failed -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'ImageBuildStepFailed*'
        $failed[0].Exception.Code | Should -Be 7
    }

    It 'refuses a malformed reference before sending anything' {
        { Invoke-ImagePull -Name 'Bad:Name!' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidName*'
        { Invoke-ImagePush -Name 'team/App:v1' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidName*'
    }

    It 'reports an unreachable registry as a ConnectionError and stores nothing' {
        $credential = [pscredential]::new('someone', (ConvertTo-SecureString 'not-shown' -AsPlainText -Force))
        { Connect-ContainerRegistry -Registry '127.0.0.1:1' -Credential $credential -ErrorAction Stop } | Should -Throw -ErrorId 'RegistryUnreachable*'
        Get-ContainerRegistry | Should -BeNullOrEmpty
        Test-Path (Join-Path $env:DOCKER_CONFIG 'config.json') | Should -BeFalse
    }

    It 'logs in, pushes, lists tags, pulls and logs out' {
        $password = ConvertTo-SecureString $env:CONTAINERS_TEST_REGISTRY_PASSWORD -AsPlainText -Force
        $credential = [pscredential]::new($env:CONTAINERS_TEST_REGISTRY_USER, $password)
        $login = Connect-ContainerRegistry -Registry $script:registry -Credential $credential
        $login.Registry | Should -Be $script:registry
        (Get-ContainerRegistry -Registry $script:registry).UserName | Should -Be $env:CONTAINERS_TEST_REGISTRY_USER

        $context = Join-Path $TestDrive 'pushed'
        $null = New-Item -ItemType Directory -Path $context
        Set-Content -Path (Join-Path $context 'Dockerfile') -Value "FROM $script:image`nRUN echo $script:prefix > /mark`n"
        $reference = "$script:registry/pester/${script:prefix}:v1"
        $built = Invoke-ImageBuild -Path $context -Tag $reference
        $script:built.Add($built.Id)
        $pushed = Invoke-ImagePush -Name $reference
        $pushed.Digest | Should -Match '^sha256:[0-9a-f]{64}$'
        (Get-ContainerRegistryTag -Name "$script:registry/pester/$script:prefix").Tag | Should -Be 'v1'
        $pulled = Get-ContainerRegistryTag -Name "$script:registry/pester/$script:prefix" | Invoke-ImagePull
        $pulled.Id | Should -Be $built.Id

        Get-ContainerRegistry -Registry $script:registry | Disconnect-ContainerRegistry -Confirm:$false
        { Get-ContainerRegistry -Registry $script:registry -ErrorAction Stop } | Should -Throw -ErrorId 'RegistryLoginNotFound,*'
    }

    It 'shows registry logins and images as tables' {
        $image = Invoke-ImageBuild -Path (Join-Path $TestDrive 'context') -Tag "localhost/pester/$script:prefix-built:v1"
        $script:built.Add($image.Id)
        ($image | Format-Table | Out-String -Width 200) | Should -Match 'Repository'
        ($image | Format-List | Out-String -Width 200) | Should -Match 'Digest'
    }
}

Describe 'Volumes' {
    BeforeAll {
        $script:volumeLabel = "containers.pester.volume=$script:prefix"
    }

    AfterAll {
        Get-Container -All -Label $script:volumeLabel | Remove-Container -Force -Confirm:$false
        Get-ContainerVolume -Label $script:volumeLabel | Remove-ContainerVolume -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'creates a tmpfs volume with labels and reads it back' {
        $volume = New-ContainerVolume -Name "$script:prefix-tmpfs" -Option @{ type = 'tmpfs'; device = 'tmpfs'; o = 'size=8m' } -Label @{ 'containers.pester.volume' = $script:prefix }
        $volume | Should -BeOfType Containers.Models.ContainerVolume
        $volume.Options['o'] | Should -Be 'size=8m'
        $read = Get-ContainerVolume -Name "$script:prefix-tmp*"
        $read.Name | Should -Be "$script:prefix-tmpfs"
        $read.Labels['containers.pester.volume'] | Should -Be $script:prefix
        ($read | Format-Table | Out-String -Width 200) | Should -Match 'Driver'
    }

    It 'mounts a volume object in one container and a name:/path string in another' {
        $shared = New-ContainerVolume -Name "$script:prefix-shared" -Label @{ 'containers.pester.volume' = $script:prefix }
        Invoke-ContainerImage -Image $script:image -Command 'sh', '-c', 'echo pester-note > /data/note' -Mount @{ Source = $shared; Target = '/data' } -Label @{ 'containers.pester.volume' = $script:prefix } -Remove | Out-Null
        Invoke-ContainerImage -Image $script:image -Command 'cat', '/data/note' -Volume "${shared}:/data:ro" -Remove | Should -Be 'pester-note'
    }

    It 'refuses to remove a volume in use, naming the container' {
        $busy = New-ContainerVolume -Name "$script:prefix-busy" -Label @{ 'containers.pester.volume' = $script:prefix }
        $user = New-Container -Image $script:image -Name "$script:prefix-voluser" -Command 'true' -Volume "${busy}:/data" -Label @{ 'containers.pester.volume' = $script:prefix }
        Remove-ContainerVolume -Name $busy.Name -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'VolumeInUse*'
        "$($failed[0])" | Should -Match $user.Name
        $user | Remove-Container -Force -Confirm:$false
        Get-ContainerVolume -Name $busy.Name | Remove-ContainerVolume -Confirm:$false
        { Get-ContainerVolume -Name $busy.Name -ErrorAction Stop } | Should -Throw -ErrorId 'VolumeNotFound,*'
    }

    It 'reports a missing volume as ObjectNotFound' {
        { Remove-ContainerVolume -Name "$script:prefix-missing" -ErrorAction Stop } | Should -Throw -ErrorId 'VolumeNotFound*'
    }

    It 'prunes unused labelled volumes with -All and returns a PruneResult' {
        $null = New-ContainerVolume -Name "$script:prefix-unused" -Label @{ 'containers.pester.volume' = $script:prefix }
        $result = Remove-ContainerVolume -Unused -All -Label $script:volumeLabel -Confirm:$false
        $result | Should -BeOfType Containers.Models.PruneResult
        $result.Kind | Should -Be 'Volume'
        $result.Removed | Should -Contain "$script:prefix-unused"
    }
}

Describe 'Networks' {
    BeforeAll {
        $script:net = "$script:prefix-net"
        $script:marker = "$script:prefix-mark"
    }

    AfterAll {
        Get-ContainerNetwork -Name "$script:prefix-*" | Remove-ContainerNetwork -Force -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'creates an internal network with its settings and reads it back' {
        $made = New-ContainerNetwork -Name $script:net -Subnet 10.231.200.0/24 -Gateway 10.231.200.1 -Internal -Label @{ 'pester.marker' = $script:marker } -Option @{ 'com.docker.network.bridge.enable_icc' = 'true' }
        $made | Should -BeOfType 'Containers.Models.ContainerNetwork'
        $read = Get-ContainerNetwork -Name $script:net
        $read.Id | Should -Be $made.Id
        $read.Subnet | Should -Be '10.231.200.0/24'
        $read.Gateway | Should -Be '10.231.200.1'
        $read.Internal | Should -BeTrue
        $read.Labels['pester.marker'] | Should -Be $script:marker
        ($read | Format-Table | Out-String -Width 200) | Should -Match 'Subnet'
    }

    It 'refuses a name in use and a predefined name' {
        { New-ContainerNetwork -Name $script:net -Internal -ErrorAction Stop } | Should -Throw -ErrorId 'NetworkNameInUse*'
        { New-ContainerNetwork -Name host -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidName*'
        { Remove-ContainerNetwork -Name none -ErrorAction Stop } | Should -Throw -ErrorId 'PredefinedNetwork*'
        { Remove-ContainerNetwork -Name "$script:prefix-missing" -ErrorAction Stop } | Should -Throw -ErrorId 'NetworkNotFound*'
    }

    It 'connects a piped container with an alias and a static address, and disconnects it' {
        $container = New-Container -Image $script:image -Name "$script:prefix-netc" -Command 'sleep', '300' | Start-Container -PassThru
        $connected = $container | Connect-ContainerNetwork -Network (Get-ContainerNetwork -Name $script:net) -Alias pester-db -IPAddress 10.231.200.10 -PassThru
        $connected.Networks | Should -Contain $script:net
        $detail = Get-ContainerDetail -Name $container.Name
        $detail.NetworkSettings.Networks[$script:net].IPAddress | Should -Be '10.231.200.10'
        $detail.NetworkSettings.Networks[$script:net].Aliases | Should -Contain 'pester-db'
        (Get-ContainerNetwork -Name $script:net).Containers.Name | Should -Contain $container.Name

        Disconnect-ContainerNetwork -Network $script:net -Container $container.Name
        (Get-ContainerDetail -Name $container.Name).Networks | Should -Not -Contain $script:net
    }

    It 'creates a container on a network given as an object' {
        $network = Get-ContainerNetwork -Name $script:net
        $container = New-Container -Image $script:image -Name "$script:prefix-netobj" -Network $network
        $container.Networks | Should -Be @($script:net)
    }

    It 'prunes the unused labelled networks only' {
        # A label of its own: the network above is used only by a stopped container, which the engine does not count.
        $null = New-ContainerNetwork -Name "$script:prefix-unused" -Subnet 10.231.201.0/24 -Internal -Label @{ 'pester.prune' = $script:marker }
        $pruned = Remove-ContainerNetwork -Unused -Label "pester.prune=$script:marker" -Confirm:$false
        $pruned.Kind | Should -Be 'Network'
        $pruned.Removed | Should -Be @("$script:prefix-unused")
        { Get-ContainerNetwork -Name "$script:prefix-unused" -ErrorAction Stop } | Should -Throw -ErrorId 'NetworkNotFound,*'
    }

    It 'removes a network by piping it, disconnecting its containers with -Force' {
        $null = Get-Container -All -Name "$script:prefix-netc" | Start-Container -PassThru | Connect-ContainerNetwork -Network $script:net -PassThru
        Get-ContainerNetwork -Name $script:net | Remove-ContainerNetwork -Force -Confirm:$false
        { Get-ContainerNetwork -Name $script:net -ErrorAction Stop } | Should -Throw -ErrorId 'NetworkNotFound,*'
    }
}

Describe 'Enter-Container' {
    BeforeAll {
        $script:entered = "$script:prefix-enter"
        $null = Invoke-ContainerImage -Image $script:image -Name $script:entered -Command 'sleep', '300' -Detach
    }

    AfterAll {
        Remove-Container -Name $script:entered -Force -Confirm:$false -ErrorAction SilentlyContinue
    }

    It 'refuses in a host without a console (runspaces, jobs, Azure Automation) at once' {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript("Import-Module '$modulePath'; Enter-Container -Name '$script:entered'")
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $null = $ps.Invoke()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
            $ps.Streams.Error.Count | Should -Be 1
            $ps.Streams.Error[0].FullyQualifiedErrorId | Should -BeLike 'InteractiveConsoleRequired*'
            $ps.Streams.Error[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
            $ps.Streams.Error[0].Exception.Message | Should -Match "'Default Host'"
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'refuses in a background job' {
        $job = Start-Job -ScriptBlock {
            param($path, $name)
            Import-Module $path
            Enter-Container -Name $name -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed.FullyQualifiedErrorId
        } -ArgumentList (Resolve-Path $modulePath).Path, $script:entered
        try {
            $result = $job | Wait-Job -Timeout 60 | Receive-Job
            $job.State | Should -Be 'Completed'
            $result | Should -BeLike 'InteractiveConsoleRequired*'
        }
        finally {
            $job | Remove-Job -Force
        }
    }

    It 'takes a container by name or by object, and the exec and attach options' {
        $command = Get-Command Enter-Container
        $command.OutputType.Name | Should -Contain 'Containers.Models.ContainerSessionResult'
        $command.Parameters.Keys | Should -Contain 'Attach'
        $command.Parameters.Keys | Should -Contain 'DetachKeys'
        $command.Parameters['Name'].Aliases | Should -Contain 'Id'
        $command.Parameters.Keys | Should -Not -Contain 'WhatIf'
    }
}

Describe 'Events, disk usage and engine facts' {
    It 'returns the events of a piped container and ends' {
        $since = (Get-Date).AddSeconds(-1)
        $container = New-Container -Image $script:image -Name "$script:prefix-events" -Command 'sh', '-c', 'exit 0' | Start-Container -PassThru
        $null = $container | Wait-Container
        $events = @()
        foreach ($attempt in 1..20) {
            $events = @($container | Get-ContainerEvent -Since $since)
            if ($events.Action -contains 'die') { break }
            Start-Sleep -Milliseconds 200
        }
        $events.Action | Should -Contain 'create'
        $events.Action | Should -Contain 'start'
        $events.Action | Should -Contain 'die'
        $events | ForEach-Object { $_.ActorId | Should -Be $container.Id; $_.Name | Should -Be $container.Name }
        ($events | Format-Table | Out-String -Width 200) | Should -Match 'Action'
    }

    It 'follows until -Until passes' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        Get-ContainerEvent -Follow -Until (Get-Date).AddSeconds(2) -Filter @{ container = "$script:prefix-nothing" } | Should -BeNullOrEmpty
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 6
    }

    It 'refuses an unknown filter name' {
        { Get-ContainerEvent -Filter @{ contianer = 'web' } -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidFilter*'
    }

    It 'reports disk usage as docker system df does' {
        $usage = Get-ContainerDiskUsage
        $usage.Type | Should -Be 'Images', 'Containers', 'Local Volumes', 'Build Cache'
        ($usage | Format-Table | Out-String -Width 200) | Should -Match 'Reclaimable'
        $images = Get-ContainerDiskUsage -Detailed | Where-Object Type -eq 'Image'
        @($images).Count | Should -Be $usage[0].TotalCount
    }

    It 'shows the facts of docker info' {
        $engine = Get-ContainerEngine
        $engine.EngineId | Should -Not -BeNullOrEmpty
        $engine.LoggingDriver | Should -Not -BeNullOrEmpty
        $engine.Runtimes | Should -Contain $engine.DefaultRuntime
        # The view shows the facts people read docker info for; LoggingDriver and the others stay properties.
        $list = $engine | Format-List | Out-String -Width 200
        $list | Should -Match ([regex]::Escape($engine.EngineVersion))
        $list | Should -Match ([regex]::Escape($engine.ApiVersion))
        $list | Should -Match ([regex]::Escape($engine.StorageDriver))
    }
}

Describe 'Copying files and exporting containers' {
    BeforeAll {
        $script:copyTarget = New-Container -Image $script:image -Name "$script:prefix-copy" -Command 'true'
    }

    It 'copies a directory with a link into a container and back, keeping contents and the link' {
        $site = Join-Path $TestDrive 'site'
        $null = New-Item -ItemType Directory -Path (Join-Path $site 'css')
        Set-Content -Path (Join-Path $site 'index.html') -Value '<h1>hello</h1>'
        Set-Content -Path (Join-Path $site 'css/app.css') -Value 'body{}'
        $linkMade = $true
        try { $null = New-Item -ItemType SymbolicLink -Path (Join-Path $site 'current') -Target 'index.html' -ErrorAction Stop } catch { $linkMade = $false }

        $item = Copy-ContainerItem -Path $site -ToContainer "$script:prefix-copy" -Destination /tmp -PassThru
        $item.Path | Should -Be '/tmp/site'
        $item.ItemType | Should -Be 'Directory'
        ($item | Format-Table | Out-String -Width 200) | Should -Match '/tmp/site'

        $back = Join-Path $TestDrive 'back'
        $copied = Get-Container -Name "$script:prefix-copy" -All | Copy-ContainerItem -Path /tmp/site -Destination $back -PassThru
        $copied | Should -BeOfType System.IO.DirectoryInfo
        Get-Content (Join-Path $back 'index.html') | Should -Be '<h1>hello</h1>'
        Get-Content (Join-Path $back 'css/app.css') | Should -Be 'body{}'
        if ($linkMade) { (Get-Item (Join-Path $back 'current')).LinkTarget | Should -Be 'index.html' }
    }

    It 'replaces an existing file only with -Force' {
        $file = Join-Path $TestDrive 'hostname'
        Set-Content -Path $file -Value 'mine'
        { Copy-ContainerItem -FromContainer "$script:prefix-copy" -Path /etc/hostname -Destination $file -ErrorAction Stop } |
            Should -Throw -ErrorId 'ItemExists*'
        Get-Content $file | Should -Be 'mine'
        Copy-ContainerItem -FromContainer "$script:prefix-copy" -Path /etc/hostname -Destination $file -Force
        Get-Content $file | Should -Not -Be 'mine'
    }

    It 'reports missing paths as ObjectNotFound' {
        { Copy-ContainerItem -FromContainer "$script:prefix-copy" -Path /no/such/file -Destination $TestDrive -ErrorAction Stop } |
            Should -Throw -ErrorId 'ContainerPathNotFound*'
        { Copy-ContainerItem -Path (Join-Path $TestDrive 'site') -ToContainer "$script:prefix-copy" -Destination /no/such/dir/x -ErrorAction Stop } |
            Should -Throw -ErrorId 'ContainerPathNotFound*'
        { Copy-ContainerItem -Path (Join-Path $TestDrive 'absent') -ToContainer "$script:prefix-copy" -Destination /tmp -ErrorAction Stop } |
            Should -Throw -ErrorId 'PathNotFound*'
    }

    It 'exports a container''s filesystem to a tar file and leaves no file for a missing container' {
        $tar = Join-Path $TestDrive 'fs.tar'
        $file = Get-Container -Name "$script:prefix-copy" -All | Export-Container -Path $tar -PassThru
        $file | Should -BeOfType System.IO.FileInfo
        $file.Length | Should -BeGreaterThan 100000

        $missing = Join-Path $TestDrive 'missing.tar'
        { Export-Container -Name "$script:prefix-no-such-container" -Path $missing -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerNotFound*'
        Test-Path $missing | Should -BeFalse
        { Export-Container -Name "$script:prefix-copy" -Path $tar -ErrorAction Stop } | Should -Throw -ErrorId 'FileExists*'
    }
}

Describe 'Statistics, processes, changes and updates' {
    BeforeAll {
        $script:busy = Invoke-ContainerImage -Image $script:image -Name "$script:prefix-busy" -Command 'sh', '-c', 'while :; do :; done' -Detach
        $script:idle = Invoke-ContainerImage -Image $script:image -Name "$script:prefix-idle" -Command 'sh', '-c', 'touch /tmp/added; exec sleep 300' -Memory '64m' -Detach
    }

    It 'reads CPU and memory as docker stats does, for several containers at once' {
        $readings = Get-ContainerStatistics -Name "$script:prefix-busy", "$script:prefix-idle"
        $readings.Count | Should -Be 2
        $busy = $readings | Where-Object Name -eq "$script:prefix-busy"
        $idle = $readings | Where-Object Name -eq "$script:prefix-idle"
        # A loop against a sleep: how much CPU the loop gets depends on what else the machine runs, so no fixed share.
        $busy.CpuPercent | Should -BeGreaterThan 1
        $idle.CpuPercent | Should -BeLessThan 5
        $idle.CpuPercent | Should -BeLessThan $busy.CpuPercent
        $idle.MemoryLimit | Should -Be 64MB
        $idle.MemoryUsage | Should -BeGreaterThan 0
        # As docker stats shows it: an idle sleep uses well under 1 MiB, so its usage reads in KiB.
        ($readings | Format-Table | Out-String -Width 200) | Should -Match '\d+(\.\d+)?[KMG]?i?B / 64MiB'
    }

    It 'takes piped containers and reads every running one when none is named' {
        (Get-Container -Name "$script:prefix-idle" | Get-ContainerStatistics).Id | Should -Be $script:idle.Id
        (Get-ContainerStatistics).Id | Should -Contain $script:busy.Id
    }

    It 'streams readings until stopped' {
        $readings = Get-ContainerStatistics -Name "$script:prefix-busy" -Stream | Select-Object -First 3
        $readings.Count | Should -Be 3
        $readings | ForEach-Object { $_.Id | Should -Be $script:busy.Id }
    }

    It 'lists a container''s processes and the paths it changed' {
        $process = Get-ContainerProcess -Name "$script:prefix-idle"
        $process.Command | Should -Be 'sleep 300'
        $process.Pid | Should -BeOfType [int]
        (Get-ContainerProcess -Name "$script:prefix-idle" -Arguments '-o pid,comm').Fields.Keys | Should -Be @('PID', 'COMMAND')
        $added = Get-ContainerChange -Name "$script:prefix-idle" | Where-Object Kind -eq 'Added'
        $added.Path | Should -Contain '/tmp/added'
        "$($added | Where-Object Path -eq '/tmp/added')" | Should -Be 'A /tmp/added'
    }

    It 'updates memory and the restart policy, and refuses a bad value before changing anything' {
        $updated = Update-Container -Name "$script:prefix-idle" -Memory 128MB -MemorySwap 256MB -RestartPolicy 'on-failure:2' -PassThru
        $updated.Id | Should -Be $script:idle.Id
        $detail = Get-ContainerDetail -Name "$script:prefix-idle"
        $detail.HostConfig.Memory | Should -Be 128MB
        $detail.HostConfig.RestartPolicy.Name | Should -Be 'on-failure'
        $detail.HostConfig.RestartPolicy.MaximumRetryCount | Should -Be 2

        { Update-Container -Name "$script:prefix-idle" -Memory '12x' -RestartPolicy always -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidMemory*'
        (Get-ContainerDetail -Name "$script:prefix-idle").HostConfig.RestartPolicy.Name | Should -Be 'on-failure'

        Update-Container -Name "$script:prefix-idle" -RestartPolicy always -WhatIf
        (Get-ContainerDetail -Name "$script:prefix-idle").HostConfig.RestartPolicy.Name | Should -Be 'on-failure'
    }
}

# The Local driver starts a dockerd of the host's own, as root: what the test engine itself needs.
Describe 'Hosts: New-, Get-, Start-, Stop-, Restart-, Remove-ContainerHost and Update-ContainerHostCertificate (Local driver)' {
    BeforeAll {
        # A store and docker configuration of the test's own, never the user's.
        $script:savedStore = $env:CONTAINERS_HOST_STORE
        $script:savedDockerConfig = $env:DOCKER_CONFIG
        $env:CONTAINERS_HOST_STORE = Join-Path $TestDrive 'hosts'
        $env:DOCKER_CONFIG = Join-Path $TestDrive 'docker-config'
        $script:hostName = 'pester-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    }

    AfterAll {
        Remove-ContainerHost -Name $script:hostName -Force -ErrorAction SilentlyContinue
        $env:CONTAINERS_HOST_STORE = $script:savedStore
        $env:DOCKER_CONFIG = $script:savedDockerConfig
    }

    It 'lists the steps under -WhatIf and makes nothing' {
        New-ContainerHost -Name $script:hostName -WhatIf | Should -BeNullOrEmpty
        { Get-ContainerHost -Name $script:hostName -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerHostNotFound,*'
    }

    It 'creates a running host and returns it' {
        $h = New-ContainerHost -Name $script:hostName -Driver Local
        $h | Should -BeOfType Containers.Models.ContainerHost
        $h.State | Should -Be 'Running'
        $h.Url | Should -Match '^tcp://127\.0\.0\.1:\d+$'
    }

    It 'reaches the engine through a piped host, -Engine NAME and Connect-ContainerEngine -HostName' {
        Get-ContainerHost -Name $script:hostName | Get-Container -All | Should -BeNullOrEmpty
        # The host's Name must not become a network name filter: every engine has the predefined 'none' network.
        (Get-ContainerHost -Name $script:hostName | Get-ContainerNetwork).Name | Should -Contain 'none'
        (Get-ContainerEngine -Engine $script:hostName).Source | Should -Be 'host store'
        $before = Get-ContainerEngine
        (Connect-ContainerEngine -HostName $script:hostName).Name | Should -Be $script:hostName
        Disconnect-ContainerEngine | Out-Null
        (Get-ContainerEngine).Uri | Should -Be $before.Uri
    }

    It 'refuses a second host of the same name' {
        { New-ContainerHost -Name $script:hostName -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerHostNameInUse*'
    }

    It 'stops, starts and restarts the host' {
        Stop-ContainerHost -Name $script:hostName
        (Get-ContainerHost -Name $script:hostName).State | Should -Be 'Stopped'
        (Start-ContainerHost -Name $script:hostName -PassThru).State | Should -Be 'Running'
        (Restart-ContainerHost -Name $script:hostName -PassThru).State | Should -Be 'Running'
    }

    It 're-issues the certificate for a new address' {
        $moved = Update-ContainerHostCertificate -Name $script:hostName -Address 127.0.0.2 -PassThru
        $moved.Url | Should -Match '^tcp://127\.0\.0\.2:'
        $moved.State | Should -Be 'Running'
    }

    It 'asks the Ssh driver for the address of its machine' {
        { New-ContainerHost -Name "$script:hostName-ssh" -Driver Ssh -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidAddress*'
        { New-ContainerHost -Name "$script:hostName-ssh" -Driver Local -Address 10.0.0.1 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidAddress*'
    }

    It 'removes the host with -Force without asking' {
        Remove-ContainerHost -Name $script:hostName -Force
        { Get-ContainerHost -Name $script:hostName -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerHostNotFound,*'
    }
}

Describe 'Connect-ContainerRegistry -AzureContainerRegistry' {
    # No Azure here: only what needs no token service. The exchange itself is tested in xunit against a loopback fake.
    BeforeAll {
        $script:savedAcrDockerConfig = $env:DOCKER_CONFIG
        $env:DOCKER_CONFIG = Join-Path $TestDrive 'acr-docker-config'
        function ConvertTo-Base64Url([string] $text) {
            [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($text)).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        }
        $script:jwt = (ConvertTo-Base64Url '{"alg":"none"}') + '.' + (ConvertTo-Base64Url '{"tid":"00000000-0000-0000-0000-0000000000aa"}') + '.sig'
    }

    AfterAll {
        $env:DOCKER_CONFIG = $script:savedAcrDockerConfig
    }

    It 'has the AzureContainerRegistry parameter set with -AccessToken and -TenantId' {
        $set = (Get-Command Connect-ContainerRegistry).ParameterSets | Where-Object Name -EQ 'AzureContainerRegistry'
        $set | Should -Not -BeNullOrEmpty
        ($set.Parameters | Where-Object Name -EQ 'AzureContainerRegistry').IsMandatory | Should -BeTrue
        ($set.Parameters | Where-Object Name -EQ 'AccessToken').ParameterType | Should -Be ([securestring])
        $set.Parameters.Name | Should -Contain 'TenantId'
        $set.Parameters.Name | Should -Not -Contain 'Registry'
        $set.Parameters.Name | Should -Not -Contain 'Credential'
    }

    It 'refuses a registry name that is not one' {
        { Connect-ContainerRegistry -AzureContainerRegistry 'my-registry' -AccessToken $script:jwt -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAzureContainerRegistry*'
    }

    It 'refuses a token that is not a JWT when no -TenantId is given' {
        { Connect-ContainerRegistry -AzureContainerRegistry 'myregistry' -AccessToken 'not-a-jwt' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidAccessToken*'
    }

    It 'takes the token as a string or a SecureString and reports an unreachable registry' {
        $secure = ConvertTo-SecureString $script:jwt -AsPlainText -Force
        { Connect-ContainerRegistry -AzureContainerRegistry '127.0.0.1:1' -AccessToken $script:jwt -ErrorAction Stop } |
            Should -Throw -ErrorId 'RegistryUnreachable*'
        { Connect-ContainerRegistry -AzureContainerRegistry '127.0.0.1:1' -AccessToken $secure -ErrorAction Stop } |
            Should -Throw -ErrorId 'RegistryUnreachable*'
        Join-Path $env:DOCKER_CONFIG 'config.json' | Should -Not -Exist
    }
}

Describe 'Hosts: New-ContainerHost -Driver Azure (no Azure call)' {
    BeforeAll {
        $script:savedStore = $env:CONTAINERS_HOST_STORE
        $script:savedDockerConfig = $env:DOCKER_CONFIG
        $env:CONTAINERS_HOST_STORE = Join-Path $TestDrive 'azure-hosts'
        $env:DOCKER_CONFIG = Join-Path $TestDrive 'azure-docker-config'
        $script:azureName = 'pester-az-' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $script:azureArgs = @{
            Name                 = $script:azureName
            Driver               = 'Azure'
            SubscriptionId       = '00000000-0000-0000-0000-000000000001'
            Location             = 'westeurope'
            Size                 = 'Standard_B2s'
            ResourceGroupName    = "$script:azureName-rg"
            AllowedSourceAddress = '203.0.113.0/24'
            AccessToken          = 'not-a-real-token'
        }
    }

    AfterAll {
        $env:CONTAINERS_HOST_STORE = $script:savedStore
        $env:DOCKER_CONFIG = $script:savedDockerConfig
    }

    It 'has the Azure parameters' {
        $command = Get-Command New-ContainerHost
        foreach ($name in 'SubscriptionId', 'Location', 'Size', 'ResourceGroupName', 'AllowedSourceAddress', 'AccessToken') {
            $command.Parameters.Keys | Should -Contain $name
        }
        $command.Parameters['AllowedSourceAddress'].ParameterType | Should -Be ([string[]])
    }

    It 'shows the resources and templates under -WhatIf and makes nothing' {
        # The "What if:" line goes to the console host, which no redirection captures; the plan is on the verbose
        # stream too, a step a message.
        $all = New-ContainerHost @script:azureArgs -WhatIf -Verbose 4>&1
        $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | Should -BeNullOrEmpty
        $plan = @($all | Where-Object { $_.Message -like "$script:azureName, step *" }).Message
        $plan.Count | Should -Be 8
        $plan[0] | Should -BeLike "$script:azureName, step 1 of 8, *"
        $network = $plan | Where-Object { $_ -match 'Microsoft.Network/networkSecurityGroups' }
        $network | Should -Match '203\.0\.113\.0/24'
        $network | Should -Match '"destinationPortRange":"2376"'
        $machine = $plan | Where-Object { $_ -match 'Microsoft.Compute/virtualMachines' }
        $machine | Should -Match 'Standard_B2s'
        $machine | Should -Match '"disablePasswordAuthentication":true'
        $plan | Should -Not -Match 'PRIVATE KEY'
        $plan | Should -Not -Match 'not-a-real-token'
        { Get-ContainerHost -Name $script:azureName -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerHostNotFound,*'
    }

    It 'refuses a missing -Location before anything is made' {
        $args2 = $script:azureArgs.Clone(); $args2.Remove('Location')
        { New-ContainerHost @args2 -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerHostDriverFailed*'
        { Get-ContainerHost -Name $script:azureName -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerHostNotFound,*'
    }

    It 'keeps Azure.Core out of the default load context on PowerShell 7' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $default = [System.Runtime.Loader.AssemblyLoadContext]::Default.Assemblies | Where-Object { $_.GetName().Name -eq 'Azure.Core' -and $_.Location -like '*Containers*' }
        $default | Should -BeNullOrEmpty
    }
}

# The Ssh driver against a machine: the test engine's (Start-TestEngine -Ssh, which build.ps1 -Test uses) is an sshd in
# a network namespace of its own at CONTAINERS_TEST_SSH_ADDRESS, root logging in with CONTAINERS_TEST_SSH_KEY. The
# engine provisioned there goes with the host, and the namespace with the test engine.
Describe 'Hosts: the Ssh driver' {
    BeforeAll {
        $script:savedStore = $env:CONTAINERS_HOST_STORE
        $script:savedDockerConfig = $env:DOCKER_CONFIG
        $env:CONTAINERS_HOST_STORE = Join-Path $TestDrive 'ssh-hosts'
        $env:DOCKER_CONFIG = Join-Path $TestDrive 'ssh-docker-config'
        $script:sshName = 'pester-ssh-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $script:sshUser = if ($env:CONTAINERS_TEST_SSH_USER) { $env:CONTAINERS_TEST_SSH_USER } else { 'root' }
    }

    AfterAll {
        Remove-ContainerHost -Name $script:sshName -Force -ErrorAction SilentlyContinue
        $env:CONTAINERS_HOST_STORE = $script:savedStore
        $env:DOCKER_CONFIG = $script:savedDockerConfig
    }

    It 'has the Ssh parameters on New-ContainerHost' {
        $parameters = (Get-Command New-ContainerHost).Parameters
        foreach ($name in 'Address', 'User', 'KeyFile', 'Port', 'HostKey', 'EnginePort') {
            $parameters.ContainsKey($name) | Should -BeTrue
        }
        $parameters['Port'].ParameterType | Should -Be ([int])
    }

    It 'refuses a malformed host key before contacting anything' {
        $key = Join-Path $TestDrive 'not-a-key'
        Set-Content -Path $key -Value 'not a key'
        { New-ContainerHost -Name $script:sshName -Driver Ssh -Address 192.0.2.1 -KeyFile $key -HostKey 'ssh-ed25519 %%%' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidHostKey*'
        { Get-ContainerHost -Name $script:sshName -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerHostNotFound,*'
    }

    It 'refuses a key file that does not exist' {
        { New-ContainerHost -Name $script:sshName -Driver Ssh -Address 192.0.2.1 -KeyFile (Join-Path $TestDrive 'missing') -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidKeyFile*'
    }

    It 'lists the Ssh steps under -WhatIf and makes nothing' {
        $key = Join-Path $TestDrive 'not-a-key'
        Set-Content -Path $key -Value 'not a key'
        New-ContainerHost -Name $script:sshName -Driver Ssh -Address 192.0.2.1 -KeyFile $key -WhatIf | Should -BeNullOrEmpty
        { Get-ContainerHost -Name $script:sshName -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerHostNotFound,*'
    }

    Context 'against a machine' {
        BeforeAll {
            if (-not $env:CONTAINERS_TEST_SSH_ADDRESS -or -not $env:CONTAINERS_TEST_SSH_KEY) {
                throw 'No machine over SSH: run these tests through ./build.ps1 -Test, whose test engine starts one (CONTAINERS_TEST_SSH_ADDRESS, CONTAINERS_TEST_SSH_KEY).'
            }
        }

        It 'provisions the machine and returns the host, running' {
            $h = New-ContainerHost -Name $script:sshName -Driver Ssh -Address $env:CONTAINERS_TEST_SSH_ADDRESS -User $script:sshUser -KeyFile $env:CONTAINERS_TEST_SSH_KEY
            $h.Driver | Should -Be 'Ssh'
            $h.State | Should -Be 'Running'
            $h.Url | Should -Be "tcp://$($env:CONTAINERS_TEST_SSH_ADDRESS):2376"
        }

        It 'reaches the engine by name' {
            $engine = Get-ContainerEngine -Engine $script:sshName
            $engine.Source | Should -Be 'host store'
            $engine.Uri | Should -Be "tcp://$($env:CONTAINERS_TEST_SSH_ADDRESS):2376"
            $engine.UsesTls | Should -BeTrue
            # A new engine: no container, and the predefined networks.
            Get-ContainerHost -Name $script:sshName | Get-Container -All -ErrorAction Stop | Should -BeNullOrEmpty
            (Get-ContainerHost -Name $script:sshName | Get-ContainerNetwork -ErrorAction Stop).Name | Should -Contain 'none'
        }

        It 'stops and starts the engine' {
            Stop-ContainerHost -Name $script:sshName
            (Get-ContainerHost -Name $script:sshName).State | Should -Be 'Stopped'
            (Start-ContainerHost -Name $script:sshName -PassThru).State | Should -Be 'Running'
        }

        It 're-issues the certificate at the same address' {
            (Update-ContainerHostCertificate -Name $script:sshName -PassThru).State | Should -Be 'Running'
            Test-ContainerEngine -Engine $script:sshName | Should -BeTrue
        }

        It 'removes the host and its engine configuration' {
            Remove-ContainerHost -Name $script:sshName -Force
            { Get-ContainerHost -Name $script:sshName -ErrorAction Stop } | Should -Throw -ErrorId 'ContainerHostNotFound*'
        }
    }
}
