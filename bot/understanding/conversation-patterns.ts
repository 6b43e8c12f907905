/**
 * Patterns for everything in a message that is not the item itself: filler, greetings and thanks,
 * hand-over wishes (转人工, 投诉, 办不成), references back to earlier turns, topics outside the hall's
 * work, and instructions hidden in a question. Kept together so the understanding is reviewable.
 */
import type { EscalationCategory } from '../types.ts';

/** Words that carry no item meaning ("我想问一下", "俺", "咋整"). */
export const FILLER =
  /我想(问|咨询|了解)(一下|问|下)?|想(问|咨询|了解)(一下|下)?|(问|咨询)一下|请问|打听一下|你好|您好|哈喽|麻烦(你|您)?|帮(我|忙)(看看|查查|问问)?|同志|小姑娘|小伙子|我(家|们家)?|俺(们|家)?|咱(们|家)?|额|嗯|哎|唉|喂|那个|这个|就是|的话|一下|是不是|可不可以|能不能|能否|可以吗|行不行|中不中|有没有|怎么(样|办|弄|搞|整|申请|办理)?|咋(办|整|弄|搞)?|如何|怎样|什么|啥|哪些|需要|应该|办理|去办|办个|申请|\b(hello|hi|please|how (do|can|to) i|how to|i want to|i need to|can i|what is|apply for|get a|the|a|an|my|do|i|to|for)\b/giu;

export const GREETING =
  /^(你好|您好|hi|hello|在吗|在不在|有人吗|早上好|上午好|下午好|晚上好|哈喽|嗨|喂)[!！。,，?？~]*$/iu;
export const THANKS =
  /^(谢谢|多谢|感谢|谢了|好的谢谢|好的|明白了|知道了|懂了|ok|thanks?|thank you|辛苦了)[!！。,，~]*(你|您)?[!！。,，~]*$/iu;
export const GOODBYE = /^(再见|拜拜|bye)[!！。]*$/iu;

const ESCALATION_RULES: Array<[EscalationCategory, RegExp]> = [
  [
    '投诉',
    /投诉(他|她|你们|窗口|工作人员)?(?!电话|渠道|方式|热线|怎么|在哪)|举报|态度(很|太|真|特别|非常|极其)?(差|恶劣|不好|蛮横)|刁难|吃拿卡要|推诿|踢皮球|不作为|乱收费|索要|好处费|骂人|甩脸色|complain/u,
  ],
  [
    '办不成事反映',
    /办不成(?!事(反映)?(窗口|专窗|是|在|怎么|干|有|能|可以|的|找|去|到|该)|的事(情)?(找|去|到|在|该|怎么|可以))|没办成|办不下来|没办下来|(还是|一直|总是|就是|都)办不了|(跑|来|去)了(好几|几|[二两三四五六七八九十\d]+)(趟|次|回)|白跑(了)?(一|好几|几)?趟|到底(能不能|给不给|让不让)办|踢来踢去|推来推去|互相推|不归(他们|我们|你们)?管|(讨|要|给我)(个)?说法|(这|这个|此事)?(谁|哪个)(来)?负责|(?<!别|不用|不想|不要|不必|免得)来回跑|跑断腿|不给(我)?办|不让(我)?办|不予受理|拒绝(受理|办理)|一直(没|不)(办|批|消息|结果|下来|人理|回复|到账)|还(没|不)(批|到账|拿到|办好|下来|出结果|给结果|回复|处理)|(好几|几|半|一|[二两三四五六七八九十\d]+)(天|个月|月|周|星期|年)(了)?(还|都|也)?(没|没有)(消息|回音|回复|结果|动静|下文|批|到账|办)|我要(反映|申诉)|要求(给个)?(说法|解释)|没人(理|给(个)?说法|负责)|(都|也|根本|就是)没人管|没人管(吗|啊|呢|了)|有没有人管|谁(来)?管管|问谁都不知道|(被|给)驳回|被拒(绝)?了|不服|申诉|超(时|期)(了|未办)|拖了|拖着不办|退回来(好几|几)?次|卡在(了)?(审核|审批|这一步|那一步|这个环节|某个环节|半路|那里|这里)|一直卡着|卡住了|打不通|(系统|网站|网上|app|手机上)(一直|老是|总是)?(显示)?(错误|出错|报错|打不开|进不去|登不上|交不了)|开不出来|(材料|资料)不全.{0,12}(都|已经|全)带(了|齐)|等了(好几|几|半|一|[二两三四五六七八九十\d]+)(天|个月|月|周|星期|上午|下午)/u,
  ],
  [
    '咨询转人工',
    /转人工|人工(服务|客服|坐席|咨询)?$|^人工|找人工|要人工|接人工|真人|活人|找个人|(找|跟|和|联系|见)(一下)?(你们|你们的|你们这)?(工作人员|客服|窗口人员|领导|负责人|主任|局长)|(让|叫|请|派|安排)(个)?(工作人员|人|客服|专人|人工)(来)?((跟我|和我|给我|帮我)?(说|讲|联系|打电话|回电话|处理|对接)|帮(我|忙))|(让|叫|请|派|安排)(个|一个)?(工作人员|客服|专人|真人)(来|过来)|不(要|想)(跟|和)机器(人)?|转给(工作人员|人工|客服|人)|(你|机器人)(回答|解决)不了|说不清(楚)?|谁能帮(帮)?我|自己办不了|不会(用)?(手机|电脑|上网)|你(们)?(听不懂|答非所问|没用)|机器人(不行|没用)|(talk|speak) to (a )?(human|person|agent|someone|staff|officer|manager)|staff member|human agent|real person|call me( back)?/u,
  ],
];

export function detectEscalation(text: string): EscalationCategory | undefined {
  for (const [category, pattern] of ESCALATION_RULES) if (pattern.test(text)) return category;
  return undefined;
}

/** "刚才那个", "前面问的" — a reference to an item discussed before the current one. */
export const REFERENCE_BACK =
  /刚(才|刚)(那个|问的|说的)|前面(那个|问的|说的)|之前(那个|问的|说的)|上一个|第一个问的|回到/u;

/** "第二个", "2", "后面那个" — a choice among offered candidates. */
export function detectOrdinal(text: string): number | undefined {
  const match = /^(?:选|要|是)?第?([一二三四1234])(?:个|项|种)?(?:吧|吧。|。)?$/u.exec(text.trim());
  if (!match) {
    if (/^(最后|后面)(那)?一?个/u.test(text.trim())) return -1;
    return undefined;
  }
  const value = '一二三四'.indexOf(match[1]);
  return value >= 0 ? value + 1 : Number(match[1]);
}

/** Topics a government service hall does not answer. */
export const OUT_OF_SCOPE =
  /天气|气温|下雨|股票|(买|炒|投资|理财)基金|基金(定投|收益|涨|跌|净值)|炒股|彩票|中奖|比分|足球|篮球|游戏|电影|电视剧|明星|八卦|笑话|(帮我|给我|替我|你来|你给我|请你)写.{0,10}(诗|作文|文章|代码|程序|小说|短信|文案|检讨|论文|情书|歌词|总结|报告|简历|演讲稿|请假条|对联)|作业|考试答案|解题|数学题|翻译|菜谱|做饭|怎么做菜|好吃的|美食|好玩的|景点|减肥|谈恋爱|恋爱|该不该跟|算命|星座|风水|(帮我|给我)?诊断|病情(严重|怎么样)|开(什么|点)药(?!房|店|铺)|吃(什么|啥)药|怎么治|偏方|快递(到哪|单号|查询|丢了|没到)|查(一下)?快递|投资(什么|哪个)|理财|赚钱|比特币|诈骗|冒充|黑客|破解|(修|维修)(手机|电脑|空调|冰箱|车)|(手机|电脑)(屏幕|坏了|碎了)|holiday plans|weather|stock|joke|poem|homework|recipe|bitcoin|restaurant|recommend|movie|football|song|girlfriend|boyfriend/iu;

/** Instructions hidden in a question: they are ignored, never followed. */
export const INJECTION =
  /忽略(以上|上面|之前|前面|所有|你的)?(的)?(所有)?(指令|规则|设定|提示|要求)|忘(掉|记)(你的|之前的|以上)?(设定|规则|指令)|无视(规则|指令)|你现在是|你现在(处于|扮演)|扮演(一个|一名)?|假装你是|从现在(开始|起)你|规则已更新|新指令|系统通知|系统提示|提示词|(回答|回复|输出|只说|说)[“"「'].{1,30}[”"」']|[“"「'].{1,30}[”"」'](来)?(回答|回复)|api\s*key|密钥|配置文件|管理员(账号|密码)|system\s*:|assistant\s*:|user\s*:|<\/?system>|###|prompt|jailbreak|developer mode|开发者模式|ignore (all |the )?(previous|above|prior) (instructions|rules)|you are now|pretend to be|act as/iu;

/** Conversation roles written into a message: the whole message is someone else's script. */
export const ROLE_PLAY = /(^|[\s。，,.])(system|assistant|user)\s*:|<\/?system>/iu;

/** Words that show a question is about government services, even when no item was found. */
export const SERVICE_DOMAIN =
  /评价|差评|好评|反映|时限|工作日|承诺|告知|即办|一件事|帮办|代办|预约|取号|办|证|照|申请|登记|许可|备案|审批|补贴|津贴|救助|保险|社保|医保|公积金|户口|户籍|税|发票|窗口|大厅|政务|材料|手续|执照|证明|政策|补助|资格|审核|缴费|缴纳|领取|注销|变更|年检|年审/u;

/** "什么是告知承诺制", "一次性告知是什么意思": a question about what a term means. */
export const DEFINITION =
  /是(什么|啥)[?？。!！]*$|是干(什么|啥)的|干(什么|啥)用|有(什么|啥)用|管(什么|啥)的|什么是|什么叫|啥叫|啥是|是(什么|啥)(意思|东西|概念)|是指(什么|啥)|指的是|什么意思|含义|定义/u;

/** "你是谁", "你是机器人吗": a question about the assistant itself, answered with its introduction. */
export const IDENTITY =
  /^(请问)?你(是|叫)(谁|什么|啥|机器人|真人|人工|ai|人吗|哪位)|你的名字|你是不是(机器人|真人)|(who|what) are you/iu;

/** "办好了没", "到哪一步了": a question about the progress of one's own application. */
export const PROGRESS =
  /(办|批|审|做)(好|完|下来)了?(没|吗|没有)|进度|到哪(一)?步|(审批|审核|办理)到哪|有结果了(吗|没)|什么时候(能)?(办好|出结果|批下来)|查(一下|查)?(我的)?(办件|申请|审批)(进度|状态|结果)?/u;

/** "能不能一起办", "要办哪些手续": several services done together, the shape of a 一件事 theme. */
export const JOINT =
  /一起办|一块办|一次(性)?(办完|办好|办了|全弄好|弄好|办齐)|一并(办|申请)|合并办|联办|一个窗口|一站式|不想跑好几个|(要|得|需要)办(哪些|哪几个|什么)(手续|证|事)|(要|得|需要)(哪些|什么)(证|手续)/u;

/** "不对，我是个体户", "我说的是租房": the citizen corrects which item they meant. */
export const CORRECTION = /^(不对|不是(这个|的)?|错了|搞错了|我是说|我说的是|我的意思是|我要的是|我问的是)/u;
