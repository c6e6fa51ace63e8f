#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    Stacks in a real PowerShell, as a person would type them, beside docker's own stack commands: a single-node swarm of
    this file's own (the test engine's --swarm mode; the run's shared engine is never put in a swarm), a stack deployed
    there with docker stack deploy, seen with Get-ContainerStack and -Stack, and removed with Remove-ContainerStack so that
    docker stack ls no longer lists it. The image is the test image, already on the node, never resolved at a registry.
    Each It goes on from where the one before left the stack.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'Support/TestEngine.ps1')
    $script:swarm = Start-TestEngine -Swarm
    $modulePath = if ($env:CONTAINERS_MODULE_PATH) { $env:CONTAINERS_MODULE_PATH } else { Join-Path $PSScriptRoot '../../out/Containers/Containers.psd1' }
    Import-Module $modulePath -Force
    $script:engine = $script:swarm.Settings['DOCKER_HOST']
    $script:image = $script:swarm.Settings['CONTAINERS_TEST_IMAGE']
    # docker with a configuration folder of this file's own, so the person's settings neither leak in nor change.
    $script:dockerConfig = Join-Path $TestDrive 'docker'
    function Invoke-Docker { & docker --config $script:dockerConfig --host $script:engine @args; if ($LASTEXITCODE) { throw "docker $args failed ($LASTEXITCODE)" } }

    # Reads again, every quarter second for up to two minutes, until the condition holds: the swarm moves on its own time.
    function Wait-Swarm {
        param([Parameter(Mandatory)] [scriptblock] $Read, [Parameter(Mandatory)] [scriptblock] $Until, [Parameter(Mandatory)] [string] $What)
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        while ($true) {
            $state = & $Read
            if (& $Until $state) { return $state }
            if ($clock.Elapsed.TotalMinutes -gt 2) { throw "Waited two minutes for $What; the last state read: $($state | Out-String)" }
            Start-Sleep -Milliseconds 250
        }
    }
}

AfterAll {
    # The engine goes with everything on it.
    if ($script:swarm) { Stop-TestEngine -Process $script:swarm }
}

Describe 'A stack docker stack deploy made' {
    BeforeAll {
        Set-Content -Path (Join-Path $TestDrive 'greeting.txt') -Value 'hello'
        Set-Content -Path (Join-Path $TestDrive 'shop.yml') -Value @"
version: "3.8"
services:
  web:
    image: $($script:image)
    command: ["sleep", "3600"]
    deploy:
      replicas: 2
    configs: [greeting]
  db:
    image: $($script:image)
    command: ["sleep", "3600"]
configs:
  greeting:
    file: ./greeting.txt
"@
        Invoke-Docker stack deploy --resolve-image never --detach=true -c (Join-Path $TestDrive 'shop.yml') shop | Out-Null
    }

    It 'is listed by Get-ContainerStack, with its services, as docker stack ls shows it' {
        $stack = Get-ContainerStack -Engine $script:engine
        $stack.Name | Should -Be 'shop'
        $stack.Services.Name | Should -Be 'shop_db', 'shop_web'
        $stack.Orchestrator | Should -Be 'Swarm'

        # What the person sees: NAME, SERVICES, ORCHESTRATOR.
        $text = Get-ContainerStack -Engine $script:engine -Name 'sh*' | Out-String -Width 80
        $text | Should -Match 'Name\s+Services\s+Orchestrator'
        $text | Should -Match 'shop\s+2\s+Swarm'
    }

    It 'gives its services and tasks with -Stack, as docker stack services and docker stack ps do' {
        (Get-ContainerService -Engine $script:engine -Stack shop).Name | Should -Be 'shop_db', 'shop_web'
        $tasks = Wait-Swarm -What 'the three tasks of shop running' -Read { Get-ContainerServiceTask -Engine $script:engine -Stack shop -DesiredState Running } -Until { param($t) @($t | Where-Object State -EQ 'running').Count -eq 3 }
        $tasks.Name | Should -Be 'shop_db.1', 'shop_web.1', 'shop_web.2'
    }

    It 'gives, piped, the services and tasks docker stack services and docker stack ps list, and is no service name to Remove-ContainerService' {
        # No -Engine after the pipe: the stack brings its own (the run's shared engine is in no swarm).
        (Get-ContainerStack -Engine $script:engine shop | Get-ContainerService).Name | Should -Be @(Invoke-Docker stack services shop --format '{{.Name}}' | Sort-Object)
        $running = Get-ContainerStack -Engine $script:engine shop | Get-ContainerServiceTask -DesiredState Running
        $running.Id | Sort-Object | Should -Be @(Invoke-Docker stack ps shop --filter desired-state=running --no-trunc --format '{{.ID}}' | Sort-Object)

        { Get-ContainerStack -Engine $script:engine shop | Remove-ContainerService -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPipelineInput,*'
        (Get-ContainerStack -Engine $script:engine shop).Services.Count | Should -Be 2
    }

    It 'is an error to name a stack that is not there, and nothing for a wildcard' {
        Get-ContainerStack -Engine $script:engine -Name shopp -ErrorVariable missing -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'StackNotFound,*'
        $missing[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-ContainerStack -Engine $script:engine -Name 'shopp*' -ErrorVariable none | Should -BeNullOrEmpty
        $none | Should -BeNullOrEmpty
    }

    It 'stays with -WhatIf, and Remove-ContainerStack removes it so that docker stack ls no longer lists it' {
        Get-ContainerStack -Engine $script:engine shop | Remove-ContainerStack -WhatIf
        (Get-ContainerStack -Engine $script:engine shop).Services.Count | Should -Be 2

        Get-ContainerStack -Engine $script:engine shop | Remove-ContainerStack
        Get-ContainerStack -Engine $script:engine | Should -BeNullOrEmpty
        Invoke-Docker stack ls --format '{{.Name}}' | Should -BeNullOrEmpty
        # Its network and config went too, once its tasks had stopped.
        Get-ContainerNetwork -Engine $script:engine -Name 'shop_*' | Should -BeNullOrEmpty
        Get-ContainerConfig -Engine $script:engine -Name 'shop_*' | Should -BeNullOrEmpty
    }
}

Describe 'A stack Deploy-ContainerStack made' {
    BeforeAll {
        Set-Content -Path (Join-Path $TestDrive 'token.txt') -Value 's3cret' -NoNewline
        $script:shopFile = Join-Path $TestDrive 'shop2.yml'
        Set-Content -Path $script:shopFile -Value @"
services:
  web:
    image: $($script:image)
    command: ["sleep", "3600"]
    environment:
      GREETING: `${GREETING:-hello}
    stop_grace_period: 1s
    deploy:
      replicas: 2
    secrets: [token]
  db:
    image: $($script:image)
    command: ["sleep", "3600"]
secrets:
  token:
    file: ./token.txt
"@
    }

    AfterAll {
        Remove-ContainerStack -Engine $script:engine -Name shop2 -ErrorAction SilentlyContinue
    }

    It 'deploys it as docker stack deploy would, waiting for the tasks, so docker stack services lists it' {
        $stack = Deploy-ContainerStack shop2 $script:shopFile -Engine $script:engine -ResolveImage Never
        $stack.Name | Should -Be 'shop2'
        $stack.Services.Name | Should -Be 'shop2_db', 'shop2_web'
        Invoke-Docker stack ls --format '{{.Name}}' | Should -Contain 'shop2'
        @(Invoke-Docker stack services shop2 --format '{{.Name}} {{.Replicas}}' | Sort-Object) | Should -Be 'shop2_db 1/1', 'shop2_web 2/2'
        (Get-ContainerNetwork -Engine $script:engine -Name shop2_default).Name | Should -Be 'shop2_default'
        (Get-ContainerSecret -Engine $script:engine -Name shop2_token).Name | Should -Be 'shop2_token'
    }

    It 'updates only the service whose definition changed when deployed again' {
        $before = Get-ContainerService -Engine $script:engine -Stack shop2 | Group-Object Name -AsHashTable -AsString
        $env:GREETING = 'bonjour'
        try { Deploy-ContainerStack shop2 $script:shopFile -Engine $script:engine -ResolveImage Never | Out-Null }
        finally { Remove-Item env:GREETING }
        $after = Get-ContainerService -Engine $script:engine -Stack shop2 | Group-Object Name -AsHashTable -AsString
        $after['shop2_db'].Version | Should -Be $before['shop2_db'].Version
        $after['shop2_web'].Version | Should -BeGreaterThan $before['shop2_web'].Version
    }

    It 'refuses a file with an error, naming the file, and deploys nothing' {
        $bad = Join-Path $TestDrive 'bad.yml'
        Set-Content -Path $bad -Value "services:`n  web:`n    image: [unclosed`n"
        { Deploy-ContainerStack shop3 $bad -Engine $script:engine -ErrorAction Stop } | Should -Throw -ErrorId 'ComposeFileInvalid,*'
        Get-ContainerStack -Engine $script:engine -Name shop3 -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'is taken down by docker stack rm' {
        Invoke-Docker stack rm shop2 | Out-Null
        # Counted, not listed: no stack left is no output, which a condition would be handed as $null.
        Wait-Swarm -What 'shop2 gone' -Read { @(Get-ContainerStack -Engine $script:engine | Where-Object Name -EQ 'shop2').Count } -Until { param($count) $count -eq 0 } | Out-Null
    }
}
