import type { lessonMessages as en } from '../en/lessons';

/**
 * Simplified Chinese of en/lessons.ts (same keys): the lessons menu and panel. The lessons' own
 * titles and texts are in lessonTexts.ts.
 */
export const lessonMessages: Record<keyof typeof en, string> = {
  'lessons.menu': '课程',
  'lessons.choose': '选择一节课…',
  'lessons.tag': '课程',
  'lessons.watch': '请观察：',
  'lessons.tryNext': '接下来试试：',
  'lessons.close': '关闭',
  'lessons.closeLabel': '关闭课程',
  'lessons.orientation.label': '这个页面展示什么',
  'lessons.orientation.what':
    'Gradscope 在你的浏览器里训练一个真实的深度网络，并实时显示学习过程中每一层的梯度有多大。',
  'lessons.orientation.lines':
    '梯度图中每条线代表一层，输入侧颜色深、输出侧颜色浅，纵轴为对数坐标：各条线聚成平坦的一束，说明每一层的学习速度相近。',
  'lessons.orientation.patterns':
    '梯度爆炸时，曲线逐层向输入侧升高，直到数值溢出、训练自动停止；梯度消失时，曲线向输入侧呈阶梯状下降，前面几层几乎学不到东西。点击“开始”训练这个网络，或者让课程带你逐一看这些情况。',
  'lessons.orientation.start': '{title}',
  'lessons.orientation.dismiss': '知道了',
  'lessons.navLabel': '按顺序浏览课程',
  'lessons.previous': '← 上一节',
  'lessons.next': '下一节 →',
  'lessons.left':
    '你修改了设置，图表显示的已不是本课的训练，课文内容可能不再成立；链接里也不再包含这节课。',
  'lessons.backToLesson': '回到本课',
};
