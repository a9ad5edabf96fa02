/**
 * Stable error codes. The code is the contract with clients and tests; the message is
 * what a person reads (Chinese, because the UI is Chinese) and may be reworded freely.
 */
import { CODE_NOT_FOUND, PERSON_PHONE_NEEDS_WECHAT, PHOTO_TOO_LARGE } from './errors-shown-before-asking';

export const ERRORS = {
  'PERSON.PHONE_NEEDS_WECHAT': PERSON_PHONE_NEEDS_WECHAT,
  'PHOTO.TOO_LARGE': PHOTO_TOO_LARGE,
  'CODE.NOT_FOUND': CODE_NOT_FOUND,
  'INPUT.INVALID': '填写的内容有误，请检查后重试',
  'INPUT.MALFORMED': '请求格式不正确',
  'API.UNKNOWN_FUNCTION': '没有这个服务',
  'API.UNKNOWN_ACTION': '没有这个操作',
  'AUTH.REQUIRED': '请先登录',
  'AUTH.TOKEN_INVALID': '登录凭证无效，请重新登录',
  'AUTH.TOKEN_EXPIRED': '登录已过期，请重新登录',
  'AUTH.TOKEN_REVOKED': '您已退出登录，请重新登录',
  'AUTH.BAD_CREDENTIALS': '账号或密码不正确',
  'AUTH.LOCKED': '密码错误次数太多，请过一刻钟再试，或请社区工作人员重置密码',
  'AUTH.NOT_REGISTERED': '您还没有登记为居民。请扫楼栋长或社区给的楼栋码（或您的个人码），填写姓名、电话和门牌，楼栋长审核后就能使用',
  'AUTH.FORBIDDEN': '您没有权限进行这个操作',
  'UNIT.NOT_FOUND': '找不到这个单位',
  'UNIT.ARCHIVED': '这个单位已归档，不能再修改',
  'UNIT.CYCLE': '不能把单位移动到它自己或它的下级单位下面',
  'UNIT.BAD_PARENT': '上级单位的类型不对',
  'UNIT.NAME_TAKEN': '同一上级下已有同名单位',
  'UNIT.HAS_CHILDREN': '这个单位下还有未归档的下级单位，请先处理下级单位',
  'UNIT.ROOT_LOCKED': '街道是最高一级，不能新建、移动或归档',
  'PERSON.NOT_FOUND': '找不到这个人',
  'PERSON.TOO_MANY_COPIES': '一小时内最多导出 3 次我的信息，请过一小时再试',
  'PERSON.HOLDS_ROLES': '您还担任楼栋长、书记或工作人员等职务，请先请社区工作人员解除职务，再注销账号',
  'PERSON.LEAVE_NOT_CONFIRMED': '注销确认已失效，请重新点“注销账号”，再确认一次',
  'PERSON.TOO_MANY_TRIES': '操作太频繁了，请过一小时再试',
  'ROLE.BAD_UNIT': '这个角色不能绑定在这一级单位上',
  'ROLE.ALREADY_BOUND': '这个人已经在该单位担任这个角色',
  'ROLE.NOT_ELIGIBLE': '这个人还不能担任这个角色',
  'BINDING.NOT_FOUND': '找不到这条角色绑定',
  'REPORT.NOT_FOUND': '找不到这条反映',
  'REPORT.NOT_ALLOWED': '这条反映现在的状态下不能进行这个操作，请刷新后再看',
  'REPORT.TOP_LEVEL': '街道是最高一级，不能再上报',
  'REPORT.EXTENSION_PENDING': '已有一份延期申请在等待审批',
  'REPORT.NO_EXTENSION': '没有待审批的延期申请',
  'REPORT.NO_FOLLOW_UP': '这条反映没有待处理的回访',
  'REPORT.ALREADY_RATED': '您已经评价过了',
  'REPORT.CATEGORY_UNKNOWN': '没有这个反映类别',
  'REPORT.NOT_RESIDENT': '您不是这个楼栋的居民，不能为它提交反映',
  'PHOTO.BAD_TYPE': '照片只能是 JPG、PNG 或 WEBP 格式',
  'PHOTO.TOO_MANY': '最多上传 9 张照片',
  'PHOTO.NOT_FOUND': '找不到这张照片，请重新上传',
  'PHOTO.UNREADABLE': '这张照片无法读取，请重新拍一张',
  'PHOTO.TOO_MANY_PIXELS': '这张照片的尺寸太大了，请用手机相机重新拍一张',
  'PHOTO.NOT_YOURS': '这张照片不是用您的账号上传的，请重新选择照片上传',
  'VOICE.BAD_TYPE': '语音只能是 MP3、AAC 或 M4A 格式：请在反映页面上按住“按住说话”重新录一段',
  'VOICE.TOO_LARGE': '语音太大了，不能超过 2 MB：请重新录一段短一点的',
  'VOICE.TOO_LONG': '语音最长 60 秒：请重新录一段短一点的，没说完的可以用文字补充',
  'VOICE.UNREADABLE': '这段语音无法播放，请删掉后重新录一段',
  'VOICE.NOT_FOUND': '找不到这段语音，请删掉后重新录一段',
  'VOICE.NOT_YOURS': '这段语音不是用您的账号录的，请删掉后重新录一段',
  'VOICE.NONE': '这条反映没有语音，请在描述里直接修改或用备注补充',
  'REPORT.BAD_HANDLER': '这个人不是该反映当前层级的负责人，不能改派给他',
  'DESK.NOT_MEETING_DAY': '议事日是每月 3 日、13 日和 23 日，请选择其中一天',
  'DESK.TOO_MANY': '符合条件的反映太多，请缩短日期范围或缩小单位范围',
  'IMPORT.BAD_FILE': '文件打不开：它不是 Excel 表格（.xlsx）或 CSV 文件，请用 Excel 另存后再导入',
  'IMPORT.BAD_COLUMNS': '表格的列不对，请下载模板，按模板的列填写',
  'IMPORT.TOO_MANY_ROWS': '文件行数太多，一次最多导入 20,000 行，请分成几个文件',
  'IMPORT.HAS_ERRORS': '文件中有错误的行，请改正后重新导入；没有写入任何数据',
  'IMPORT.CHANGED': '文件和预览时不一样，请重新预览后再导入',
  'IMPORT.FILE_MISSING': '找不到上传的文件（可能已经导入过或已过期），请重新选择文件上传',
  'IMPORT.FILE_TOO_LARGE': '文件太大，最多 10 MB，请分成几个文件分别导入',
  'IMPORT.JOB_NOT_FOUND': '找不到这次导入，请刷新页面后再看',
  'HOLIDAYS.YEAR_CLOSED': '只能录入今年和明年的节假日安排',
  'HOLIDAYS.BAD_DATE': '日期不正确，请写成 2027-01-01 这样的日期，并且在所录入的年份之内',
  'HOLIDAYS.NOT_WEEKEND': '调休上班日应是周六或周日：平时本来就上班，不用列出',
  'HOLIDAYS.BOTH': '同一天不能既放假又上班，请只保留一个',
  'HOLIDAYS.EMPTY': '没有读到任何放假或上班的日期：请粘贴通知中“一、元旦：……”这样的各行',
  'HOLIDAYS.NOTICE_UNREADABLE': '通知中有读不懂的行，请按提示改正或删去后再保存；没有保存任何内容',
  'HOLIDAYS.BAD_FILE': '文件读不出日期：请导入 .xlsx、.csv 表格（列：日期、类型）或 .ics 日历文件',
  'CODE.NOT_YET_VALID': '这个码还没到启用时间，请到时再扫',
  'CODE.EXPIRED': '这个码已过期，请向楼栋长或社区要一个新码',
  'CODE.REVOKED': '这个码已作废，请向楼栋长或社区要一个新码',
  'CODE.USED_UP': '这个码的使用次数已满，请向楼栋长或社区要一个新码',
  'CODE.TOO_MANY_TRIES': '扫码次数太多了，请过 10 分钟再试',
  'ECHO.TOO_MANY_TRIES': '回音壁打开得太频繁了，请过 10 分钟再看',
  'CODE.BAD_UNIT': '这种码不能建在这一级单位上',
  'CODE.BAD_WINDOW': '有效期不正确：结束时间应晚于开始时间，并且在将来',
  'CODE.NEEDS_PERSON': '个人码要选一个人：为谁准备的',
  'CODE.ALREADY_REVOKED': '这个码已经作废了',
  'CODE.WRONG_PURPOSE': '这个码不是做这件事用的，请扫对应的码',
  'CODE.NOT_YOURS': '这是为别人准备的个人码，不能用来登记您自己；请向楼栋长要您的码，或扫楼栋码',
  'REGISTRATION.NOT_FOUND': '找不到这份登记',
  'REGISTRATION.ALREADY_DECIDED': '这份登记已经审核过了，请刷新后再看',
  'REGISTRATION.ALREADY_RESIDENT': '您已经是这栋楼的居民了，不用再登记',
  'REGISTRATION.ACCOUNT_EXISTS': '这个手机号已经有账号了，请直接登录；忘记密码请联系楼栋长或社区',
  'REGISTRATION.PERSON_TAKEN': '这个人已经绑定了别的微信或账号；如果手机换了人，请联系社区解绑后再登记',
  'REGISTRATION.TOO_MANY': '提交次数太多了，请过一小时再试；着急的话请直接找楼栋长登记',
  'REGISTRATION.NEEDS_PHONE': '请填写手机号，或点“微信手机号”按钮获取',
  'REGISTRATION.NEEDS_PASSWORD': '请设置一个登录密码（至少 8 位），审核通过后用手机号和这个密码登录',
  'REGISTRATION.SAME_DOOR': '新门牌和现在登记的一样，不用更正；如果写错了，请改成新的单元和门牌号',
  'REGISTRATION.MOVE_PENDING': '您已经申请了改门牌，正在等楼栋长审核；审核完再申请，着急的话请直接找楼栋长',
  'REGISTRATION.NOT_HOME': '您没有登记住在这栋楼：请从“我的信息”里选您现在的住址再改门牌',
  'REGISTRATION.NEEDS_WECHAT': '请在微信里打开近邻小程序登记',
  'PHONE.CODE_INVALID': '没能从微信取得手机号，请重新点按钮，或直接填写手机号',
  'PHONE.CODE_USED': '这次获取手机号已经用过了，请重新点按钮，或直接填写手机号',
  'PHONE.UNAVAILABLE': '微信手机号暂时取不到，请直接填写手机号',
  'GROUP.UNREADABLE': '没能读到这个微信群：请在楼栋群里点开近邻的卡片再试；也可以扫楼栋长给的楼栋码登记',
  'GROUP.EXPIRED': '群信息已过期，请在群里重新点开卡片',
  'GROUP.NOT_IN_GROUP': '请在楼栋群里点开卡片，才能绑定这个群',
  'GROUP.BOUND_ELSEWHERE': '这个群已经绑定到另一栋楼了；如果绑错了，请那栋楼的楼栋长先解绑',
  'GROUP.NOT_BOUND': '这栋楼还没有绑定微信群',
  'CHECKIN.NOT_FOUND': '找不到这份报到',
  'CHECKIN.ALREADY_MEMBER': '您已经报到过了，不用再报到；要换到别处报到，请先请原党支部书记办理转出',
  'CHECKIN.ALREADY_DECIDED': '这份报到已经审核过了，请刷新后再看',
  'CHECKIN.NOT_APPROVED': '这份报到现在不是“已报到”，不能办理转出或撤回，请刷新后再看',
  'CHECKIN.PERSON_TAKEN': '这个人已经绑定了别的微信或账号：请不选他直接通过（会新建一个人），或请社区解绑后再审核',
  'CHECKIN.ACCOUNT_EXISTS': '报到人的微信已经绑定了别人：请社区在人员管理里解绑后再审核',
  'CHECKIN.TOO_MANY': '提交次数太多了，请过一小时再试；着急的话请直接找党支部书记报到',
  'CHECKIN.BAD_DATE': '日期不对：不能晚于今天，也不能早于报到通过的那天',
  'PAIRING.NOT_FOUND': '找不到这条结对，请刷新后再看',
  'PAIRING.ALREADY_PAIRED': '这位党员已经和这一户结对了，不用再结对',
  'PAIRING.NOT_MEMBER_HERE': '只能由本小区已报到的党员结对：请先让他扫本小区的党员报到码报到',
  'PAIRING.ENDED': '这条结对已经解除，不能再记录走访或修改',
  'PAIRING.KIND_UNKNOWN': '没有这个户类别，请从社区设定的类别中选择',
  'VISIT.BAD_DATE': '走访日期不对：不能晚于今天，也不能早于结对的那天',
  'VISIT.REPORT_NOT_LINKED': '这条反映不是您为这一户代报的，不能记在这次走访上',
  'POINTS.BELOW_ZERO': '积分不够：更正后余额不能小于 0',
  'POINTS.NOT_EARNER': '只有本社区已报到的党员和志愿者可以获得积分',
  'POINTS.RULES_CHANGED': '积分规则刚被其他人修改了，请刷新后再改',
  'SHOP.NOT_FOUND': '找不到这件物品，可能已被删除，请刷新后再看',
  'SHOP.OFF_SHELF': '这件物品已经下架了，请看看其他物品',
  'SHOP.OUT_OF_STOCK': '这件物品已经兑换完了，请看看其他物品',
  'SHOP.NOT_ENOUGH_POINTS': '积分不够，兑换不了这件物品',
  'SHOP.STOCK_BELOW_ZERO': '库存不能减到 0 以下',
  'SHOP.ORDER_NOT_FOUND': '找不到这个兑换订单，请刷新后再看',
  'SHOP.ORDER_NOT_OPEN': '这个订单已经领取或取消了，请刷新后再看',
  'SERVICE.NOT_FOUND': '找不到这条服务记录，请刷新后再看',
  'SERVICE.DECIDED': '这条服务记录已经确认或退回了，请刷新后再看',
  'SERVICE.BAD_DATE': '服务日期不对：不能晚于今天，也不能早于 90 天前',
  'WISH.NOT_FOUND': '找不到这个微心愿，可能已被撤回，请刷新后再看',
  'WISH.TAKEN': '这个微心愿刚刚被别人认领了，请看看其他心愿',
  'WISH.NOT_ALLOWED': '这个微心愿现在的状态下不能进行这个操作，请刷新后再看',
  'WISH.NOT_YOURS': '这个微心愿不是您认领的，只有认领人能实现或退回',
  'WISH.NOT_CLAIMER': '只有本社区已报到的党员和志愿者可以认领微心愿',
  'WISH.NOT_RESIDENT': '只有登记过的居民可以许微心愿；楼栋长和网格长可以为住户代许',
  'WISH.NO_DOOR': '您的登记里还没有门牌，请先在“我的信息”里补上门牌，再许心愿',
  'WISH.BAD_DATE': '日期不对：心愿的日期要从今天起，最多半年以内',
  'PROPERTY.NOT_FOUND': '找不到这家物业公司，请刷新后再看',
  'PROPERTY.COMPOUND_TAKEN': '这个小区已由另一家物业公司服务，请先在那家公司里去掉它',
  'PROPERTY.BAD_COMPOUND': '只能选本社区的小区',
  'PROPERTY.NAME_TAKEN': '本社区已有同名的物业公司',
  'PROPERTY.ARCHIVED': '这家物业公司已停用，不能再修改',
  'ASSESSMENT.NOT_FOUND': '找不到这个月的测评，请先计算再看',
  'ASSESSMENT.NO_COMPANY': '这个小区还没有登记物业公司，请社区工作人员先在“物业测评”里登记',
  'ASSESSMENT.ALREADY_ANSWERED': '您家这个月已经参加过测评了，每户每月一次，谢谢您',
  'ASSESSMENT.NOT_RESIDENT': '只有本小区登记过的住户可以参加测评',
  'ASSESSMENT.NO_DOOR': '您的登记里还没有门牌，请先在“我的信息”里补上门牌，再参加测评',
  'ASSESSMENT.BAD_MONTH': '月份不对：不能测评还没到的月份',
  'ASSESSMENT.SURVEY_CLOSED': '这个月的测评已经结束了：只能测评本月和上个月，已公布的月份不能再测评',
  'ASSESSMENT.PUBLISHED': '这个月的测评结果已经公布，不能再重新计算',
  'ASSESSMENT.NOT_DRAFT': '这个月的测评已经公布过了，请刷新后再看',
  'ASSESSMENT.POLICY_CHANGED': '测评规则刚被其他人修改了，请刷新后再改',
  'ASSESSMENT.BAD_POLICY': '测评规则不对：各项权重至少有一项大于 0',
  'TOPIC.NOT_FOUND': '找不到这个议题，可能已被撤回，请刷新后再看',
  'TOPIC.NOT_YOURS': '这个议题是别的楼栋或小区的，只有那里的住户和工作人员能看',
  'TOPIC.NOT_ALLOWED': '这个议题现在的状态下不能进行这个操作，请刷新后再看',
  'TOPIC.BAD_UNIT': '议题只能发给楼栋、小区或社区，而且要在您负责的范围内',
  'TOPIC.BAD_DATES': '日期不对：征求意见和投票要从今天起，投票结束不早于开始，最多三个月以内',
  'TOPIC.BAD_OPTIONS': '选项不对：要投票就写 2 到 8 个不同的选项；只征求意见就不写选项，也不选投票日期',
  'TOPIC.STARTED': '已经有人发表意见或投票了，议题内容不能再改；需要改就撤回后重新发起',
  'TOPIC.NO_VOTE': '这个议题只征求意见，不投票',
  'TOPIC.VOTE_NOT_OPEN': '投票还没有开始，请在投票开始后再来',
  'TOPIC.VOTE_CLOSED': '投票已经结束了，结果和决定会在议题里公布',
  'TOPIC.NOT_HOUSEHOLD': '只有这个楼栋或小区登记过门牌的住户可以投票，每户一票',
  'TOPIC.BAD_OPTION': '没有这个选项，请刷新后重新选择',
  'TOPIC.OPINIONS_CLOSED': '征求意见已经结束了，不能再发表意见',
  'TOPIC.NOT_PARTICIPANT': '这个议题只请这里的住户（和在这里服务的党员）发表意见',
  'OPINION.NOT_FOUND': '找不到这条意见，请刷新后再看',
  'RULES.NOT_COMPOUND': '公约是小区的：只有发给整个小区的议题才能修改公约',
  'RULES.VERSION_MOVED': '公约刚被其他人修改了，请刷新后在最新的版本上再改',
  'PARTNER.NOT_FOUND': '找不到这家共建单位，请刷新后再看',
  'PARTNER.ARCHIVED': '这家共建单位已停止共建，不能再修改或认领',
  'PARTNER.NAME_TAKEN': '已有同名的共建单位，请直接在它的共建社区里加上本社区',
  'PARTNER.BAD_COMMUNITY': '只能选您负责的社区',
  'PARTNER.NOT_YOURS': '您不是这家共建单位的联络人或在职党员，不能替它操作',
  'PARTNER.NOT_PARTNERING': '这家共建单位没有和这个社区共建，看不到也不能认领它的需求',
  'PARTNER.NOT_IN_SERVICE': '只能关联已报到的在职党员：请先让他用报到码报到，类型选“在职党员”，审核通过后再关联',
  'PARTNER.MEMBER_ELSEWHERE': '这位党员已关联了另一家共建单位，请先在那家单位里取消关联',
  'PARTNER.BAD_DATES': '日期不对：协议截止日期不能早于签约日期',
  'RESOURCE.NOT_FOUND': '找不到这项资源，可能已被撤回，请刷新后再看',
  'RESOURCE.WITHDRAWN': '这项资源已经撤回了，不能再申请或修改',
  'NEED.NOT_FOUND': '找不到这项需求，可能已被撤回，请刷新后再看',
  'NEED.TAKEN': '这项需求刚刚被另一家共建单位认领了，请看看其他需求',
  'NEED.NOT_ALLOWED': '这项需求现在的状态下不能进行这个操作，请刷新后再看',
  'NEED.BAD_UNIT': '需求只能发在本社区、本社区的小区或楼栋',
  'NEED.BAD_SOURCE': '找不到这条需求的来源（反映、议题或走访），或它不属于这个社区',
  'PROJECT.NOT_FOUND': '找不到这个项目，请刷新后再看',
  'PROJECT.NOT_ALLOWED': '这个项目现在的状态下不能进行这个操作，请刷新后再看',
  'PROJECT.NOT_YOUR_SIDE': '这一步要由项目的另一方确认：认领和申请都由对方接受',
  'PROJECT.BAD_OWNER': '负责人要是这一方的人：社区一方选社区工作人员，共建单位一方选它的联络人或在职党员',
  'PROJECT.TOO_MANY_MILESTONES': '一个项目最多 12 个节点',
  'PROJECT.MILESTONE_NOT_FOUND': '找不到这个节点，请刷新后再看',
  'VISIT.BAD_DAY': '走访日期不对：不能晚于今天，也不能早于 60 天前',
  'VISIT.NOT_FOUND': '找不到这条走访记录，请刷新后再看',
  'LECTURE.NOT_FOUND': '找不到这场讲座，可能已被删除或还没有发布',
  'LECTURE.CANCELLED': '这场讲座已取消，不能再报名或修改',
  'LECTURE.ALREADY_SIGNED_UP': '您已经报过名了，可以在“我的报名”里查看',
  'LECTURE.WINDOW_CLOSED': '现在不在报名时间内，请留意讲座的报名时间',
  'LECTURE.NOT_OPEN_TO_YOU': '这场讲座只面向部分小区的居民，您所在的小区不在其中',
  'LECTURE.TOO_MANY_COMPANIONS': '同行的人数超过了这场讲座允许的人数，请减少同行人数',
  'LECTURE.CAPACITY_BELOW_CONFIRMED': '座位数不能少于已经报名成功的人数',
  'LECTURE.NOT_SIGNED_UP': '您没有报名这场讲座，或已经取消了',
  'LECTURE.STARTED': '讲座已经开始，不能再取消报名或修改时间',
  'LECTURE.NOT_DRAFT': '这场讲座已经发布过了',
  'LECTURE.BAD_TIMES': '时间不对：结束应晚于开始，报名应在讲座开始前截止，截止应晚于报名开始',
  'LECTURE.BAD_AUDIENCE': '报名范围只能选本社区，或本社区的小区',
  'SPEAKER.NOT_FOUND': '找不到这位主讲人，请先在主讲人库里添加',
  'ATTENDANCE.NOT_SIGNED_UP': '没有找到这个人的报名，不能签到',
  'ATTENDANCE.WAITING': '还在候补中，没有座位，不能签到；请找工作人员',
  'ATTENDANCE.NOT_YET': '还没到签到时间：讲座开始前一小时起才能签到',
  'ATTENDANCE.CLOSED': '签到时间已过：讲座开始一小时后就不能扫码签到了，请找工作人员登记',
  'ATTENDANCE.CODE_EXPIRED': '这个签到码已过期，请扫现场屏幕上正在显示的码',
  'ATTENDANCE.CODE_INVALID': '这不是讲座的签到码或报名码，请扫对应的码',
  'ATTENDANCE.WRONG_LECTURE': '这是另一场讲座的报名码，请核对讲座',
  'APIKEY.NOT_FOUND': '找不到这个接口密钥，请刷新后再看',
  'APIKEY.ALREADY_REVOKED': '这个接口密钥已经撤销了',
  'GEOREPORT.KEY_REQUIRED': '缺少 api_key：查询和提交反映要用社区发放的接口密钥，请向社区工作人员申请',
  'GEOREPORT.KEY_INVALID': 'api_key 不对或已被撤销：请向社区工作人员核对接口密钥',
  'GEOREPORT.NOT_FOUND': '没有这个地址：Open311 接口提供 discovery、services 和 requests，地址末尾加 .xml 或 .json',
  'GEOREPORT.BAD_FORMAT': '不支持这种格式：请在地址末尾用 .xml 或 .json',
  'GEOREPORT.METHOD': '这个地址不接受这种请求方式：查询用 GET，提交反映用 POST requests',
  'GEOREPORT.SERVICE_NOT_FOUND': '没有这个 service_code：可用的类别见 services.xml',
  'GEOREPORT.REQUEST_NOT_FOUND': '没有这条反映：请核对 service_request_id',
  'GEOREPORT.JURISDICTION_NOT_FOUND': '没有这个 jurisdiction_id：它应是社区的编号（用 api_key 时可以不传）',
  'GEOREPORT.ADDRESS_REQUIRED': '请用 address_id 指明楼栋或小区的编号：近邻的楼栋和小区没有坐标，不能按 lat/long 或 address_string 定位',
  'GEOREPORT.ADDRESS_NOT_FOUND': '没有这个 address_id：请用社区提供的楼栋或小区编号',
  'GEOREPORT.DATE_RANGE': 'start_date 和 end_date 最多相隔 90 天，请分段查询',
  'CONFLICT.VERSION': '内容已被其他人修改，请刷新后重试',
  INTERNAL: '系统出了点问题，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface Failure {
  ok: false;
  code: ErrorCode;
  message: string;
  /** For INPUT.INVALID: the dotted path of the first bad field. */
  field?: string;
  /** For INTERNAL: the request id to quote when asking for help. */
  requestId?: string;
}

export interface Success<T> {
  ok: true;
  data: T;
}

export type Result<T> = Success<T> | Failure;

export function ok<T>(data: T): Success<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message?: string, field?: string): Failure {
  const f: Failure = { ok: false, code, message: message ?? ERRORS[code] };
  if (field !== undefined) f.field = field;
  return f;
}

/**
 * An expected failure raised from deep inside a use-case. The action runner turns it into a
 * Failure value; anything else thrown is a bug and becomes INTERNAL.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  constructor(code: ErrorCode, message?: string, field?: string) {
    super(message ?? ERRORS[code]);
    this.name = 'DomainError';
    this.code = code;
    this.field = field;
  }
  toFailure(): Failure {
    return fail(this.code, this.message, this.field);
  }
}

export function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && (x as Failure).ok === false && typeof (x as Failure).code === 'string';
}
