// Portuguese helpdesk text for the benchmark data: names, companies, problems, replies. Built
// from fragments so that 100,000 tickets read differently and text search has real words to
// match, some common ("impressora") and some rare ("nobreak").

/** A seeded generator of numbers in [0, 1): the same seed gives the same data. */
export type Random = () => number;

/** mulberry32: small, fast and good enough for test data (not for anything secret). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A whole number from `min` to `max`, both included. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Picks a key with probability proportional to its weight. */
export function weighted<K extends string>(random: Random, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [key, weight] of entries) {
    left -= weight;
    if (left < 0) return key;
  }
  const last = entries.at(-1);
  if (!last) throw new Error('weighted pick from no weights');
  return last[0];
}

// biome-ignore format: short words read better packed
const firstNames = [
  'Ana', 'Bruno', 'Carla', 'Daniel', 'Eduarda', 'Felipe', 'Gabriela', 'Henrique', 'Isabela',
  'João', 'Karina', 'Lucas', 'Mariana', 'Nícolas', 'Otávio', 'Patrícia', 'Rafael', 'Sabrina',
  'Thiago', 'Vanessa', 'Wagner', 'Yasmin', 'Camila', 'Diego', 'Fernanda', 'Gustavo', 'Juliana',
  'Leonardo', 'Priscila', 'Rodrigo', 'Tatiane', 'Vinícius',
];
// biome-ignore format: short words read better packed
const lastNames = [
  'Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima',
  'Gomes', 'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes',
  'Vieira', 'Barbosa', 'Rocha', 'Dias', 'Nascimento', 'Andrade', 'Moreira', 'Nunes', 'Mendes',
];

export function personName(random: Random): string {
  return `${pick(random, firstNames)} ${pick(random, lastNames)}`;
}

// biome-ignore format: short words read better packed
const companyKinds = [
  'Padaria', 'Clínica', 'Metalúrgica', 'Escritório Contábil', 'Transportadora', 'Farmácia',
  'Construtora', 'Colégio', 'Imobiliária', 'Laboratório', 'Distribuidora', 'Advocacia',
  'Auto Peças', 'Ótica', 'Hotel', 'Supermercado', 'Agência', 'Cooperativa',
];
// biome-ignore format: short words read better packed
const companyNames = [
  'Bom Gosto', 'Vida', 'Andrade', 'Horizonte', 'São Jorge', 'Aurora', 'Primavera', 'Central',
  'Nova Era', 'Boa Vista', 'Ipê', 'Araucária', 'Litoral', 'Serra Azul', 'Progresso', 'Estrela',
];

/** Company names, all different. */
export function companyNamesFor(random: Random, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) {
    const name = `${pick(random, companyKinds)} ${pick(random, companyNames)}`;
    names.add(names.has(name) ? `${name} ${names.size + 1}` : name);
  }
  return [...names];
}

export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Queues the benchmark creates next to the default one, and how many tickets each gets. */
export const queueNames = [
  'Suporte N1',
  'Suporte N2',
  'Infraestrutura',
  'Redes e VPN',
  'Sistemas',
  'Acessos',
] as const;
export type QueueName = (typeof queueNames)[number];

interface Problem {
  category: string;
  queue: QueueName;
  weight: number;
  subjects: string[];
  details: string[];
}

/** What goes wrong, by category, with the queue that handles it. */
export const problems: Problem[] = [
  {
    category: 'Impressoras',
    queue: 'Suporte N1',
    weight: 12,
    subjects: [
      'Impressora {place} não imprime',
      'Impressora {place} atolando papel',
      'Impressora {place} imprimindo com manchas',
    ],
    details: [
      'Os documentos ficam na fila de impressão e nunca saem.',
      'A impressora mostra "papel atolado" mesmo sem papel preso.',
      'Já desliguei e liguei a impressora de novo, sem mudança.',
    ],
  },
  {
    category: 'Rede',
    queue: 'Redes e VPN',
    weight: 10,
    subjects: ['Sem acesso à internet {place}', 'Wi-Fi {place} caindo toda hora'],
    details: [
      'O ícone da rede fica com um triângulo amarelo.',
      'Os outros computadores da sala também estão sem rede.',
      'A conexão volta sozinha depois de alguns minutos e cai de novo.',
    ],
  },
  {
    category: 'VPN',
    queue: 'Redes e VPN',
    weight: 7,
    subjects: ['VPN não conecta fora do escritório', 'VPN desconecta a cada poucos minutos'],
    details: [
      'Aparece a mensagem "falha na autenticação" ao conectar a VPN.',
      'Estou trabalhando de casa e preciso acessar a pasta do servidor.',
    ],
  },
  {
    category: 'E-mail',
    queue: 'Suporte N1',
    weight: 10,
    subjects: [
      'Outlook pedindo senha repetidamente',
      'Não recebo e-mails de fora da empresa',
      'Caixa de e-mail cheia',
    ],
    details: [
      'O Outlook abre, mas fica em "tentando conectar".',
      'Clientes dizem que os e-mails voltam com erro de entrega.',
    ],
  },
  {
    category: 'Acessos',
    queue: 'Acessos',
    weight: 9,
    subjects: [
      'Senha bloqueada no sistema',
      'Criar acesso para novo colaborador {place}',
      'Remover acessos de colaborador desligado',
    ],
    details: [
      'Errei a senha algumas vezes e agora aparece "usuário bloqueado".',
      'O colaborador começa na segunda-feira e precisa de e-mail e acesso ao ERP.',
    ],
  },
  {
    category: 'ERP',
    queue: 'Sistemas',
    weight: 10,
    subjects: [
      'ERP travando ao emitir nota fiscal',
      'Erro ao gerar boleto no ERP',
      'Relatório de vendas do ERP não abre',
    ],
    details: [
      'O sistema fica carregando e depois mostra "tempo esgotado".',
      'O erro acontece só no fechamento do mês, com muitos pedidos.',
    ],
  },
  {
    category: 'Hardware',
    queue: 'Suporte N2',
    weight: 12,
    subjects: [
      'Computador {place} não liga',
      'Monitor piscando {place}',
      'Notebook esquentando muito',
      'Teclado com teclas falhando',
    ],
    details: [
      'Quando ligo, a luz acende mas a tela fica preta.',
      'Começou depois de uma queda de energia ontem à tarde.',
    ],
  },
  {
    category: 'Hardware',
    queue: 'Infraestrutura',
    weight: 2,
    subjects: ['Nobreak apitando {place}', 'Bateria do nobreak não segura carga'],
    details: ['O nobreak apita a cada dez segundos desde hoje cedo.'],
  },
  {
    category: 'Software',
    queue: 'Suporte N1',
    weight: 10,
    subjects: [
      'Instalar Office no notebook novo',
      'Excel fecha sozinho ao abrir planilha',
      'Atualização do Windows travada',
      'Antivírus bloqueando programa do banco',
    ],
    details: [
      'A planilha é grande e tem várias macros.',
      'A atualização está parada em 35% há mais de uma hora.',
    ],
  },
  {
    category: 'Telefonia',
    queue: 'Infraestrutura',
    weight: 5,
    subjects: ['Ramal {place} sem linha', 'Telefone IP não registra'],
    details: ['O telefone mostra "sem serviço" no visor.'],
  },
  {
    category: 'Certificado digital',
    queue: 'Sistemas',
    weight: 4,
    subjects: ['Certificado digital vencido', 'Token do certificado digital não reconhecido'],
    details: ['Sem o certificado não conseguimos emitir notas fiscais.'],
  },
  {
    category: 'Backup',
    queue: 'Infraestrutura',
    weight: 4,
    subjects: ['Backup do servidor falhou esta noite', 'Recuperar arquivo apagado da rede'],
    details: ['O arquivo estava na pasta compartilhada do financeiro.'],
  },
];

export const categoryNames = [...new Set(problems.map((problem) => problem.category))];

/** Words the benchmark searches for: one found in many tickets, one in few. */
export const searchWords = { common: 'impressora', rare: 'nobreak' } as const;

// biome-ignore format: short words read better packed
const places = [
  'do financeiro', 'da recepção', 'do RH', 'do comercial', 'do 2º andar', 'da diretoria',
  'da filial Centro', 'do almoxarifado', 'da sala de reunião', 'do estoque',
];
const openings = ['Bom dia.', 'Boa tarde.', 'Olá, equipe de TI.', 'Prezados,', 'Oi!'];
const impacts = [
  'Isso está atrasando o fechamento do mês.',
  'Preciso resolver hoje, tenho entrega à tarde.',
  'Não é urgente, mas atrapalha o dia a dia.',
  'Três pessoas do setor estão paradas por causa disso.',
  'Aconteceu ontem também.',
];

const problemWeights = Object.fromEntries(
  problems.map((problem, index) => [String(index), problem.weight]),
);

export function pickProblem(random: Random): Problem {
  const problem = problems[Number(weighted(random, problemWeights))];
  if (!problem) throw new Error('no problem picked');
  return problem;
}

export function subjectOf(random: Random, problem: Problem): string {
  return pick(random, problem.subjects).replace('{place}', pick(random, places));
}

export function descriptionOf(random: Random, problem: Problem, sender: string): string {
  const details = [pick(random, problem.details)];
  if (random() < 0.5) details.push(pick(random, problem.details));
  const machine = random() < 0.4 ? `\n\nMáquina: PC-${between(random, 100, 999)}` : '';
  const body = [pick(random, openings), ...new Set(details), pick(random, impacts)].join(' ');
  return `${body}\n\n${sender}${machine}`;
}

const staffReplies = [
  'Olá! Estou verificando e retorno em seguida.',
  'Consegue reiniciar o computador e testar de novo, por favor?',
  'Acessei remotamente e reinstalei o driver da impressora. Pode testar?',
  'Liberamos o acesso. Pode confirmar se está funcionando?',
  'O cabo de rede estava com mau contato; trocamos o cabo e a porta do switch.',
  'Senha redefinida. A senha temporária foi enviada para o seu celular.',
  'Agendamos uma visita técnica para amanhã às 10h.',
  'Atualizamos o sistema para a versão mais recente; o erro não deve mais aparecer.',
  'Abrimos um chamado com o fornecedor e aguardamos retorno.',
];
const requesterReplies = [
  'Testei e continua igual.',
  'Agora funcionou, obrigado!',
  'O erro voltou hoje de manhã.',
  'Segue o print da mensagem de erro.',
  'Pode ser depois das 14h? Estou em reunião.',
  'Alguma novidade? Ainda estamos sem conseguir trabalhar.',
];
const notes = [
  'Cliente com contrato básico: não cobre visita presencial.',
  'Verificar garantia com o fornecedor antes de trocar a peça.',
  'Mesmo problema da semana passada; provável falha no switch do andar.',
  'Senha do administrador local está no cofre, pasta do cliente.',
  'Escalar para N2 se voltar a acontecer.',
];

export const staffReply = (random: Random) => pick(random, staffReplies);
export const requesterReply = (random: Random) => pick(random, requesterReplies);
export const internalNote = (random: Random) => pick(random, notes);
